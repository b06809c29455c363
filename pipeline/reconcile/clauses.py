"""Clauses of a quote: which part of a sentence a claim's value and its negation belong to.

Extracted quotes are whole sentences that often carry several statements ("X is low level:
it ships no layers"; "there is no deployment path of its own: export to ONNX"). A negation or
a capability named in another clause must not decide the claim, so readings look at the
clause(s) that state the claim's value.
"""

from __future__ import annotations

import re

from pipeline.reconcile.lexicon import Lexicon
from pipeline.values import _alias_regex, find_tokens, table_for

Span = tuple[int, int]
CLAUSE_BREAK = re.compile(r"[:;]|\s[-–—]\s|\b(?:but|while|whereas|although|even though|though)\b", re.IGNORECASE)


def clauses(text: str) -> list[Span]:
    """The spans of ``text`` between clause breaks (colons, semicolons, dashes, "but")."""
    bounds = [0, *(m.start() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    return [(start, end) for start, end in zip(bounds, bounds[1:]) if end > start]


def value_scope(quote: str, words: list[str]) -> str:
    """The clauses of ``quote`` where the value's words occur verbatim; the whole quote otherwise."""
    hits = [m.start() for word in words if len(word) > 2 for m in re.finditer(re.escape(word), quote, re.IGNORECASE)]
    parts = clauses(quote)
    if not hits or len(parts) < 2:
        return quote
    kept = [quote[start:end] for start, end in parts if any(start <= hit < end for hit in hits)]
    return " ".join(kept) if kept else quote


def table_spans(attribute: str, text: str, tokens: set[str] | frozenset[str]) -> list[Span]:
    """Where ``text`` names any of ``tokens`` through the attribute's alias table."""
    table = table_for(attribute)
    if not table:
        return []
    return [m.span() for token, pattern in _alias_regex(table) if token in tokens for m in pattern.finditer(text)]


def negation_misses_value(quote: str, attribute: str, words: list[str], lexicon: Lexicon) -> bool:
    """True when the quote names the claimed value only in clauses with no negation word.

    "X is low level: it ships no layers" negates the layers, not the level, so a sentence-wide
    negation flag must not flip the value the claim is about.
    """
    table = table_for(attribute)
    if not table or not words:
        return False
    claimed = set(words) | set(find_tokens(table, " ; ".join(words)))
    spans = table_spans(attribute, quote, claimed)
    if not spans:
        return False
    holding = [c for c in clauses(quote) if any(c[0] <= start < c[1] for start, _ in spans)]
    return not any(lexicon.has_cue("negation", quote[start:end]) for start, end in holding)
