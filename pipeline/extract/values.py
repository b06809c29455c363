"""Read a claim's value from its words, normalised to the attribute's kind.

Lists and enums become canonical tokens from ``claims/values.yaml`` (via
``pipeline.values.find_tokens``); dates become YYYY, YYYY-MM or YYYY-MM-DD; Python versions
become ["2.7", "3.5"]; backends become subject ids; free-text attributes become a short
lowercase phrase taken from the sentence.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc

from pipeline.extract.lexicon import AttributeLexicon
from pipeline.records import ClaimValue
from pipeline.values import find_tokens

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
FULL_DATE = re.compile(MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
MONTH_YEAR = re.compile(r"\b" + MONTH + r",?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
VERSION = re.compile(r"(?<![\d.])([23]\.\d{1,2})(?!\d|\.\d)")
# "Python 3 only", "Python 2": a major version alone, read when no minor version is written;
# "X only" wins over a merely mentioned one ("dropped Python 2, so it is Python 3 only").
MAJOR_ONLY = re.compile(r"\bpython\s*([23])(?:\.x)?\s+only\b", re.IGNORECASE)
MAJOR = re.compile(r"\bpython\s*([23])(?:\.x)?(?![\d.])", re.IGNORECASE)
MAX_TEXT_WORDS = 8
SPACES = re.compile(r"\s+")
EDGE_PUNCT = " .,;:!?-–—'\"‘’“”()"


def read_date(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD, YYYY-MM or YYYY."""
    for pattern, build in (
        (FULL_DATE, lambda m: f"{m.group(3)}-{MONTHS[m.group(1).lower()[:3]]:02d}-{int(m.group(2)):02d}"),
        (MONTH_YEAR, lambda m: f"{m.group(2)}-{MONTHS[m.group(1).lower()[:3]]:02d}"),
        (YEAR, lambda m: m.group(1)),
    ):
        match = pattern.search(text)
        if match:
            return build(match)
    return None


def short_phrase(text: str) -> str:
    """A short lowercase phrase: whitespace collapsed, edge punctuation dropped, at most a few words."""
    words = SPACES.sub(" ", text).strip(EDGE_PUNCT).split(" ")
    return " ".join(words[:MAX_TEXT_WORDS]).strip(EDGE_PUNCT).lower()


NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "advmod", "neg", "nummod"})


def phrase_around(doc: Doc, start: int, end: int) -> str:
    """The cue with the words that complete it: a modifier is extended to the noun it modifies,
    and a noun keeps its adjectives and compounds ("high-performance models", "not very easy")."""
    last = doc[end - 1]
    noun = last.head if last.dep_ in ("amod", "compound") and last.head.i >= end and last.head.pos_ in ("NOUN", "PROPN") else last
    left = min([start] + [c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_MODIFIERS])
    return short_phrase(doc[left : max(end, noun.i + 1)].text)


def _tokens(spec: AttributeLexicon, windows: Sequence[str]) -> ClaimValue:
    table = spec.value.table or ""
    for window in windows:
        found = find_tokens(table, window)
        if found:
            if spec.value.single:
                specific = [t for t in found if t != "open source"]
                return (specific or found)[0]
            return found
    return None


def read_value(spec: AttributeLexicon, cue_text: str, after_cue: str, sentence: str, others: list[str]) -> ClaimValue:
    """The value of one claim; None when it cannot be read (``text`` kinds always read something)."""
    kind = spec.value.kind
    windows = (cue_text, after_cue, sentence)
    if kind == "tokens":
        # a list runs on after its first item ("Linux, macOS and Windows"): read from the cue on
        return _tokens(spec, (sentence,) if spec.value.single else (after_cue, sentence))
    if kind == "enum":
        found = _tokens(spec, windows)
        return found[0] if isinstance(found, list) else found
    if kind == "subjects":
        return others or None
    if kind == "date":
        return read_date(after_cue) or read_date(cue_text)
    if kind == "versions":
        versions = VERSION.findall(after_cue) or VERSION.findall(sentence)
        versions = versions or MAJOR_ONLY.findall(sentence) or MAJOR.findall(after_cue)[:1]
        return list(dict.fromkeys(versions)) or None
    return None
