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


def _names_stated_value(reading: Reading, state: State, lexicon: Lexicon) -> bool:
    """True when each claimed token is, or is equivalent to, a value the evidence states itself.

    A table cell "Eager" for a framework whose facts say "both" and "eager" names its default
    mode, which is the whole answer a one-word cell can give; "Static" there is only implied
    by "both" and still fails the exclusive check.
    """
    def equivalent(token: str, other: str) -> bool:
        return token == other or (token in lexicon.expand(frozenset({other})) and other in lexicon.expand(frozenset({token})))

    return bool(reading.tokens) and all(any(equivalent(t, s) for s in state.stated) for t in reading.tokens)


def _most_specific(tokens: frozenset[str], lexicon: Lexicon) -> frozenset[str]:
    """``tokens`` without those another of them implies ("MIT" makes "open source" redundant)."""
    return frozenset(t for t in tokens if not any(t in lexicon.expand(frozenset({o})) for o in tokens if o != t))


def holds(reading: Reading, state: State, known: frozenset[str], lexicon: Lexicon, closed: bool, any_of: bool = False) -> Answer:
    """Whether the claim's tokens hold in ``state``.

    ``any_of``: the claim names one answer, and a sentence naming several ("Google and
    Facebook released...") holds when one of them is right.
    """
    if reading.minimum_count and not reading.tokens:
        if not state.covered:
            return None
        return len(state.tokens & known) >= reading.minimum_count
    named = _most_specific(reading.tokens, lexicon) if any_of else reading.tokens
    answers = [_token_present(token, state, known, closed) for token in sorted(named)]
    if reading.negative:
        answers = [None if a is None else not a for a in answers]
    elif reading.exclusive and not (reading.names_default and _names_stated_value(reading, state, lexicon)):
        answers.append(_exclusive_holds(reading, state, lexicon))
    if any_of and not reading.negative and any(answer is True for answer in answers):
        return True
    return _combine(answers)


def generic_limit_holds(reading: Reading, state: State, known: frozenset[str], attribute: str, lexicon: Lexicon) -> Answer:
    """A denial naming no capability ("only limited visualization", a bare "No"): false when the capability existed.

    When the facts track the attribute itself as a token (tools that provide deployment imply
    ``deployment``), only those count: an export format that needs another runtime is not a
    deployment path of the framework's own. When the facts track the attribute (``known``)
    but none held at the time, the denial held.
    """
    tracked = lexicon.expand(known)
    if attribute in tracked:
        if attribute in lexicon.expand(state.tokens):
            return False
    elif state.tokens:
        return False
    return True if state.covered or known else None
