"""Qualifiers of a claim: hedges, time words, negation and exclusivity, from the lexicon.

Hedges and time expressions qualify the whole sentence; negation and "only" qualify the
clause of the cue they stand in, so "X is fast, but Y is not" negates only Y's claim.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.extract.matchers import Hit
from pipeline.extract.syntax import same_clause
from pipeline.records import Qualifiers


def _first_text(doc: Doc, hits: list[Hit], name: str) -> str | None:
    chosen = [h for h in hits if h.family == "qual" and h.name == name]
    if not chosen:
        return None
    # the longest phrase at the first position: "may be" rather than "may"
    first = min(chosen, key=lambda h: (h.start, -(h.end - h.start)))
    return doc[first.start : first.end].text.lower()


def _in_clause(doc: Doc, hits: list[Hit], name: str, cue: Token) -> bool:
    return any(h.family == "qual" and h.name == name and same_clause(doc[h.start], cue) for h in hits)


def qualifiers_for(doc: Doc, sentence_hits: list[Hit], cue: Token, negated_rule: bool = False) -> Qualifiers:
    """The qualifiers of a claim read at ``cue`` in a sentence with ``sentence_hits``."""
    negated = _in_clause(doc, sentence_hits, "negation", cue) != negated_rule
    return Qualifiers(
        hedge=_first_text(doc, sentence_hits, "hedge"),
        time=_first_text(doc, sentence_hits, "time"),
        negated=negated,
        exclusive=_in_clause(doc, sentence_hits, "exclusive", cue),
    )
