"""``python -m pipeline`` does what the ``factcheck`` command does."""

from pipeline.cli import main

main()
