"""Per-article work: everything one article goes through before the corpus-wide stages.

An article's claims depend on the article and the rules alone, so the run handles each one
on its own (``task.py``): its extraction is read from the cache or parsed, merged with the
reviews in its previous claim file, rendered as that file's new text, and read into the
tokens and cues reconciliation compares. ``pool.py`` runs that work in the main process or
spread over worker processes (``run --jobs N``); the result is the same either way.
"""

from pipeline.articles.pool import each_article
from pipeline.articles.task import ArticleSetup, PreparedArticle

__all__ = ["ArticleSetup", "PreparedArticle", "each_article"]
