"""factcheck: fact-checks claims about deep-learning frameworks."""
