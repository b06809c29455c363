"""CI gating: which verdicts make ``factcheck run`` fail, optionally against a baseline.

``--fail-on refuted,outdated`` fails the run (exit 1) when any claim ends with one of those
verdicts. With ``--baseline reports/claims.json`` from an earlier run, only claims that are
new (their id is not in the baseline) or whose verdict changed count, so a CI job can fail
on regressions while known findings stay visible in the reports. Unknown labels and
unreadable baselines are coded user errors (exit 2 through the CLI), never silent passes.
"""

from __future__ import annotations

import json
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from pipeline.errors import E_BAD_VALUE, FactcheckError, Location
from pipeline.labels import VERDICT_LABELS

if TYPE_CHECKING:
    from pipeline.records import RunResult

_BASELINE_FIX = "pass the claims.json of an earlier 'factcheck run' (reports/claims.json)"


def parse_fail_on(text: str | None) -> set[str]:
    """``"refuted,outdated"`` -> {"refuted", "outdated"}; unknown labels are an error."""
    if not text:
        return set()
    labels = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = labels - set(VERDICT_LABELS)
    if unknown:
        raise FactcheckError(
            E_BAD_VALUE,
            f"unknown verdict(s) {', '.join(sorted(unknown))} in --fail-on",
            Location("--fail-on"),
            f"use a comma-separated list of: {', '.join(VERDICT_LABELS)}",
        )
    return labels


def _bad_baseline(path: Path, problem: str) -> FactcheckError:
    return FactcheckError(E_BAD_VALUE, f"not a factcheck claims.json: {problem}", Location(path), _BASELINE_FIX)


def _claim_rows(path: Path) -> list[Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _bad_baseline(path, "the file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad_baseline(path, f"cannot read it ({exc.__class__.__name__})") from None
    except ValueError as exc:
        raise _bad_baseline(path, f"invalid JSON ({exc})") from None
    if not isinstance(document, dict) or not isinstance(document.get("claims"), list):
        raise _bad_baseline(path, "expected an object with a 'claims' list")
    return document["claims"]


def baseline_verdicts(path: Path) -> dict[str, str]:
    """Claim id -> verdict of an earlier run's ``claims.json``."""
    verdicts: dict[str, str] = {}
    for position, row in enumerate(_claim_rows(path)):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or row.get("verdict") not in VERDICT_LABELS:
            raise _bad_baseline(path, f"claims[{position}] needs a string 'id' and a known 'verdict'")
        verdicts[row["id"]] = row["verdict"]
    return verdicts


@dataclass(frozen=True)
class GateRow:
    """What gating needs of one checked claim; also stored with a run's stamp, so an
    up-to-date run gates without reconciling again."""

    id: str
    verdict: str
    source: str
    start: int | None
    quote: str
    rationale: str


class GateRows:
    """The gating rows of checked claims, made each time they are read: a large run's claims
    are read back from disk, and their rows need not all be held either."""

    def __init__(self, checked: Iterable[CheckedClaim]) -> None:
        self._checked = checked

    def __iter__(self) -> Iterator[GateRow]:
        for item in self._checked:
            claim, verdict = item.claim, item.verdict
            yield GateRow(claim.id, verdict.label, claim.source, claim.start, claim.quote, verdict.rationale)


def _failure(row: GateRow, previous: str | None, compared: bool) -> str:
    where = f"{row.source}:{row.start}" if row.start is not None else row.source
    change = ""
    if compared:
        change = " [new]" if previous is None else f" [was {previous}]"
    return f"{row.verdict}{change}: {where}: {row.quote!r} ({row.rationale})"


def gate_failures(rows: Sequence[GateRow] | RunResult, fail_on: str | None, baseline: Path | None) -> list[str]:
    """One line per claim that should fail the run, in reading order.

    Without a baseline every claim whose verdict is in ``fail_on`` fails; with one, only
    those that are new or whose verdict differs from the baseline's. A baseline is read
    (and so checked) even when ``fail_on`` is empty, so a wrong path is reported at once.
    """
    rows = GateRows(rows.checked) if hasattr(rows, "checked") else rows  # a RunResult, or stored rows
    labels = parse_fail_on(fail_on)
    previous = baseline_verdicts(baseline) if baseline is not None else None
    if not labels:
        return []
    failing = [
        row
        for row in rows
        if row.verdict in labels and not (previous is not None and previous.get(row.id) == row.verdict)
    ]
    failing.sort(key=lambda row: (row.source, row.start is None, row.start or 0, row.id))
    return [_failure(row, previous.get(row.id) if previous else None, previous is not None) for row in failing]
