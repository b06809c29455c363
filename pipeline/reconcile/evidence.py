"""What the evidence says about a subject's attribute at a given day, and as Evidence records.

Reference facts hold inside their validity window; probe results with status ``ok`` describe
the installed releases. For the present, a probe's single observed value overrides the
facts; a probe's list of observed capabilities joins the facts still valid (no ``valid_until``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from bisect import bisect_right
from datetime import date, timedelta
from typing import Any, Callable

from pipeline.reconcile.dates import parse_date
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.reading import value_tokens
from pipeline.records import Evidence, Fact, ProbeResult
from pipeline.values import load_tables, table_for
from pipeline.vocab import Vocabulary

Key = tuple[str, str]


@dataclass(frozen=True)
class State:
    """Tokens that hold at one time, the records they come from, and whether anything spoke."""

    tokens: frozenset[str]
    facts: tuple[Fact, ...] = ()
    probes: tuple[ProbeResult, ...] = ()
    # the values as the facts and probes state them, before implications are added: "both"
    # with "eager" stated beside it says which mode is the default
    stated: frozenset[str] = frozenset()

    @property
    def covered(self) -> bool:
        """True when a fact or probe describes this time."""
        return bool(self.facts or self.probes)


def fact_holds(fact: Fact, day: date | None) -> bool:
    """True when ``day`` (None = today) falls inside the fact's window."""
    start, end = parse_date(fact.valid_from), parse_date(fact.valid_until)
    if day is None:
        return end is None
    return (start is None or start.first <= day) and (end is None or day <= end.last)


def _epoch_starts(facts: list[Fact]) -> list[date]:
    """Every day on which ``fact_holds`` changes for some fact, sorted."""
    days: set[date] = set()
    for fact in facts:
        start, end = parse_date(fact.valid_from), parse_date(fact.valid_until)
        if start is not None:
            days.add(start.first)
        if end is not None:
            days.add(end.last + timedelta(days=1))
    return sorted(days)


def _hashable(value: object) -> object:
    """A dictionary key for a fact's or probe's value (lists become tuples)."""
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _hashable(v)) for k, v in value.items()))
    return value


# A memo found by identity (the object kept with its result) and by contents.
Memo = tuple[dict[tuple[str, int], tuple[object, frozenset[str]]], dict[tuple[str, object], frozenset[str]]]


class Timeline:
    """Facts and probe results indexed by subject and attribute."""

    def __init__(self, facts: list[Fact], probe_results: list[ProbeResult], vocab: Vocabulary, lexicon: Lexicon) -> None:
        self.vocab = vocab
        self.lexicon = lexicon
        self.facts: dict[Key, list[Fact]] = defaultdict(list)
        self.probes: dict[Key, list[ProbeResult]] = defaultdict(list)
        self.failed: dict[Key, list[ProbeResult]] = defaultdict(list)
        self._tokens: Memo = ({}, {})
        self._stated: Memo = ({}, {})
        self._states: dict[tuple[object, ...], State] = {}
        self._known: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        # the days on which some fact starts or stops holding: between two of them every
        # fact holds or not alike, so a state is the same on every day of such an epoch
        self._epochs = _epoch_starts(facts)
        for fact in facts:
            self.facts[(fact.subject, fact.attribute)].append(fact)
        for result in sorted(probe_results, key=lambda r: r.probe_id):
            target = self.probes if result.status == "ok" else self.failed
            target[(result.subject, result.attribute)].append(result)

    def tokens_of(self, attribute: str, value: object) -> frozenset[str]:
        """A fact's or probe's value as expanded tokens (memoised: every claim asks about the same records)."""
        return self._memo(self._tokens, attribute, value, lambda: self.lexicon.expand(value_tokens(attribute, value, self.vocab)))

    def stated_of(self, attribute: str, value: object) -> frozenset[str]:
        """A fact's or probe's value as stated, before implications (memoised like ``tokens_of``)."""
        return self._memo(self._stated, attribute, value, lambda: value_tokens(attribute, value, self.vocab))

    @staticmethod
    def _memo(memo: Memo, attribute: str, value: object, compute: Callable[[], frozenset[str]]) -> frozenset[str]:
        # The same value objects (those of the facts and probes) come back hundreds of thousands
        # of times: they are found by identity first, and the entry keeps the object alive so
        # its id is never reused. Other values are found by their contents.
        by_identity, by_content = memo
        seen = by_identity.get((attribute, id(value)))
        if seen is not None and seen[0] is value:
            return seen[1]
        key = (attribute, _hashable(value))
        found = by_content.get(key)
        if found is None:
            found = by_content[key] = compute()
        by_identity[(attribute, id(value))] = (value, found)
        return found

    def state(self, subject: str, attributes: tuple[str, ...], day: date | None, probes: bool = True) -> State:
        """What holds for ``subject`` on ``day`` (None = the installed releases) across ``attributes``.

        ``probes=False`` judges the present by the facts alone, for claims about a tool's
        standing that a probe (which only sees what is installed) cannot observe. Memoised:
        the facts and probes never change, and thousands of claims ask the same question.
        """
        # keyed by epoch, not day: a corpus spread over thousands of publication days asks
        # about a few dozen epochs, and the memo stays that small
        key = (subject, tuple(attributes), None if day is None else bisect_right(self._epochs, day), probes)
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = self._state(subject, attributes, day, probes)
        return found

    def _state(self, subject: str, attributes: tuple[str, ...], day: date | None, probes: bool) -> State:
        tokens: set[str] = set()
        stated: set[str] = set()
        facts: list[Fact] = []
        found: list[ProbeResult] = []
        for attribute in attributes:
            holding = [f for f in self.facts.get((subject, attribute), []) if fact_holds(f, day)]
            observed = self.probes.get((subject, attribute), []) if day is None and probes else []
            seen = {t for r in observed for t in self.tokens_of(attribute, r.value)}
            if observed and self._replaces(attribute, observed, seen):
                # facts consistent with the observation stay: a probe seeing define-by-run
                # autograd does not undo a fact that PyTorch also compiles graphs ("both"),
                # nor does one seeing "both" undo the fact that eager is the default
                holding = [f for f in holding if self._consistent(self.tokens_of(attribute, f.value), seen)]
            found.extend(r for r in observed if self.tokens_of(attribute, r.value) & seen)
            facts.extend(holding)
            tokens.update(seen)
            tokens.update(t for f in holding for t in self.tokens_of(attribute, f.value))
            stated.update(t for f in holding for t in self.stated_of(attribute, f.value))
            stated.update(t for r in found for t in self.stated_of(attribute, r.value))
        return State(frozenset(tokens), tuple(facts), tuple(found), frozenset(stated))

    @staticmethod
    def _consistent(stated: frozenset[str], seen: set[str]) -> bool:
        """True when one of a fact's tokens and a probe's observed tokens contains the other."""
        return stated <= seen or seen <= stated

    def _replaces(self, attribute: str, observed: list[ProbeResult], seen: set[str]) -> bool:
        """Whether a probe's observation replaces the facts for the present.

        A single observed value ("Apache-2.0", "both") is the value today, so it replaces the
        facts, provided it is a recognised token. A list observation is what one installation
        shows; support shipped elsewhere (a GPU plugin, a serving package) stays with the facts.
        """
        if any(isinstance(r.value, list) for r in observed):
            return False
        spec = self.vocab.attributes.get(attribute)
        table = table_for(attribute)
        recognised = set(load_tables().get(table, {})) if table else set(spec.values if spec else ())
        return bool(seen & recognised)

    def known(self, subject: str, attributes: tuple[str, ...]) -> frozenset[str]:
        """Every token any fact or probe ever gave ``subject`` for ``attributes`` (memoised)."""
        key = (subject, tuple(attributes))
        if key not in self._known:
            self._known[key] = self._known_now(subject, attributes)
        return self._known[key]

    def _known_now(self, subject: str, attributes: tuple[str, ...]) -> frozenset[str]:
        values = [
            self.tokens_of(a, record.value)
            for a in attributes
            for record in [*self.facts.get((subject, a), []), *self.probes.get((subject, a), [])]
        ]
        return frozenset().union(*values) if values else frozenset()

    def narrow(self, state: State, tokens: frozenset[str]) -> State:
        """The state with only the facts and probes that speak of ``tokens`` (all of them when none do)."""
        facts = tuple(f for f in state.facts if self.tokens_of(f.attribute, f.value) & tokens)
        probes = tuple(p for p in state.probes if self.tokens_of(p.attribute, p.value) & tokens)
        return State(state.tokens, facts, probes) if facts or probes else state

    def days_within(self, subject: str, attributes: tuple[str, ...], first: date, last: date) -> list[date]:
        """``first``, ``last`` and every day between them on which a relevant fact starts or ends.

        Evidence only changes on those days, so checking them checks the whole range.
        """
        days = {first, last}
        for attribute in attributes:
            for fact in self.facts.get((subject, attribute), []):
                for bound in (parse_date(fact.valid_from), parse_date(fact.valid_until)):
                    for day in (bound.first, bound.last) if bound else ():
                        if first <= day <= last:
                            days.add(day)
        return sorted(days)

    def facts_for(self, subject: str, attribute: str) -> list[Fact]:
        """Every fact about ``subject``'s ``attribute``, in file order."""
        return list(self.facts.get((subject, attribute), []))

    def failures(self, subject: str, attribute: str) -> list[ProbeResult]:
        """Probe results for the pair that could not decide (crashed, timeout, not installed...)."""
        return list(self.failed.get((subject, attribute), []))

    def text_attributes(self, subject: str) -> tuple[str, ...]:
        """Every text-kind attribute with evidence for ``subject``: capabilities are properties of the subject."""
        names = {a for s, a in [*self.facts, *self.probes] if s == subject}
        return tuple(sorted(a for a in names if self.vocab.attributes.get(a) and self.vocab.attributes[a].kind == "text"))


# Evidence records are frozen and the same for every claim a fact or probe decides, so each
# is built once per record: thousands of claims then share a handful of them.
_EVIDENCE_OF: dict[int, tuple[object, Evidence]] = {}
EVIDENCE_MEMO_LIMIT = 4_096


def _memoised(record: Fact | ProbeResult, make: Callable[[Any], Evidence]) -> Evidence:
    found = _EVIDENCE_OF.get(id(record))
    if found is not None and found[0] is record:
        return found[1]
    if len(_EVIDENCE_OF) >= EVIDENCE_MEMO_LIMIT:
        _EVIDENCE_OF.clear()
    evidence = make(record)
    _EVIDENCE_OF[id(record)] = (record, evidence)  # the record is kept, so its id is not reused
    return evidence


def fact_evidence(fact: Fact) -> Evidence:
    """A fact as an Evidence record, with its citation and window."""
    return _memoised(fact, _fact_evidence)


def probe_evidence(result: ProbeResult) -> Evidence:
    """A probe result as an Evidence record, with the versions it ran against."""
    return _memoised(result, _probe_evidence)


def _fact_evidence(fact: Fact) -> Evidence:
    window = f" ({fact.valid_from or '...'} to {fact.valid_until or 'today'})"
    return Evidence(kind="fact", ref=fact.id, summary=fact.statement + window, citation=fact.citation)


def _probe_evidence(result: ProbeResult) -> Evidence:
    observed = result.value if result.status == "ok" else result.reason
    return Evidence(
        kind="probe",
        ref=result.probe_id,
        summary=f"{result.subject} {result.attribute}: {observed}",
        versions=dict(result.versions),
        status=result.status,
    )


def state_evidence(*states: State) -> tuple[Evidence, ...]:
    """Evidence records for the facts and probes behind the given states, each once, in order."""
    seen: set[str] = set()
    records: list[Evidence] = []
    for state in states:
        for evidence in [*(probe_evidence(p) for p in state.probes), *(fact_evidence(f) for f in state.facts)]:
            if evidence.ref not in seen:
                seen.add(evidence.ref)
                records.append(evidence)
    return tuple(records)
