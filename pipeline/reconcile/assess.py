"""Does a claim hold at one time? Claimed tokens compared with the state evidence gives.

Three answers: True, False, or None (the evidence does not speak). List and enum attributes
are closed: when evidence covers a time, a named value it does not list is absent. Text
capabilities are open: a capability counts as absent only when evidence tracks it (a fact
gave it a window that does not cover the time).
"""

from __future__ import annotations

from pipeline.reconcile.evidence import State
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.reading import Reading

Answer = bool | None


def _token_present(token: str, state: State, known: frozenset[str], closed: bool) -> Answer:
    if token in state.tokens:
        return True
    if token not in known or (closed and not state.covered):
        return None
    return False


def _combine(answers: list[Answer]) -> Answer:
    """Any False decides; else any True; else nothing is known."""
    if any(answer is False for answer in answers):
        return False
    if any(answer is True for answer in answers):
        return True
    return None


def _exclusive_holds(reading: Reading, state: State, lexicon: Lexicon) -> Answer:
    """An "only X" claim fails when the evidence shows more than X."""
    if not state.covered:
        return None
    extra = state.tokens - lexicon.expand(reading.tokens)
    return False if extra else None


def holds(reading: Reading, state: State, known: frozenset[str], lexicon: Lexicon, closed: bool) -> Answer:
    """Whether the claim's tokens hold in ``state``."""
    if reading.minimum_count and not reading.tokens:
        if not state.covered:
            return None
        return len(state.tokens & known) >= reading.minimum_count
    answers = [_token_present(token, state, known, closed) for token in sorted(reading.tokens)]
    if reading.negative:
        answers = [None if a is None else not a for a in answers]
    elif reading.exclusive:
        answers.append(_exclusive_holds(reading, state, lexicon))
    return _combine(answers)


def generic_limit_holds(reading: Reading, state: State, known: frozenset[str]) -> Answer:
    """A denial naming no capability ("only limited visualization"): false when any capability exists.

    When the facts track the attribute (``known``) but none held at the time, the denial held.
    """
    if state.tokens:
        return False
    return True if state.covered or known else None
