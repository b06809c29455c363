"""``factcheck eval``: measure extraction and verdicts against labelled claims.

A labelled claim is found when an extracted claim of the same source has the same subject
and attribute and its span overlaps the labelled quote's region: the sentence(s) the quote
sits in, clipped to its line, or for a table cell the whole table row. Precision counts
extracted claims that match some labelled claim; recall counts labelled claims found.
Verdict accuracy is measured on the found claims.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from pipeline.catalog.yamlio import load_located, require_list, validate_model
from pipeline.errors import E_GOLD, ErrorGroup, FactcheckError, Location
from pipeline.records import VERDICT_LABELS, CheckedClaim, Relation, Source


class GoldClaim(BaseModel):
    """One labelled claim."""

    model_config = ConfigDict(extra="ignore")

    id: str
    quote: str
    subject: str
    attribute: str
    value: Any = None
    relation: Relation | None = None
    verdict: str | None = None
    table_row: str | None = None


@dataclass(frozen=True)
class GoldFile:
    """The labelled claims of one source."""

    source: str
    published: str | None
    claims: tuple[GoldClaim, ...]


@dataclass
class Evaluation:
    """Counts and lists behind the printed figures."""

    found: list[tuple[GoldClaim, str, CheckedClaim]] = field(default_factory=list)
    missed: list[tuple[GoldClaim, str]] = field(default_factory=list)
    true_positives: list[CheckedClaim] = field(default_factory=list)
    false_positives: list[CheckedClaim] = field(default_factory=list)
    unlocated: list[tuple[GoldClaim, str]] = field(default_factory=list)


def load_gold(folder: Path) -> list[GoldFile]:
    """Every ``*.yaml`` of a gold folder, validated with located errors."""
    if not folder.is_dir():
        raise FactcheckError(E_GOLD, "gold folder not found", Location(folder), "pass a folder of labelled YAML files")
    files, errors = [], []
    for path in sorted(folder.glob("*.y*ml")):
        data, lines = load_located(path)
        if not isinstance(data, dict) or "source" not in data:
            errors.append(FactcheckError(E_GOLD, "a gold file needs 'source' and 'claims'", Location(path, 1), "see the README"))
            continue
        claims = []
        for position, item in enumerate(require_list(data, "claims", path, lines)):
            gold, problems = validate_model(GoldClaim, item, path, lines, ("claims", position))
            errors.extend(problems)
            if gold is not None:
                claims.append(gold)
        published = data.get("published")
        files.append(GoldFile(str(data["source"]), str(published) if published else None, tuple(claims)))  # type: ignore[arg-type]
    if errors:
        raise ErrorGroup(errors)
    return files


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _find_quote(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    position = text.find(quote, after)
    if position >= 0:
        return position, position + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    match = re.compile(pattern, re.IGNORECASE).search(text, after)
    return (match.start(), match.end()) if match else None


def _label_line(text: str, label: str, after: int = 0) -> re.Match[str] | None:
    pattern = re.compile(r"^[ \t]*" + re.escape(label) + r"[ \t]*$", re.MULTILINE | re.IGNORECASE)
    return pattern.search(text, after)


def _pipe_row_region(text: str, gold: GoldClaim) -> tuple[int, int] | None:
    """A row written on one line ("| License | MIT | BSD |"): the whole line."""
    row = re.compile(r"^[ \t|]*" + re.escape(gold.table_row or "") + r"[ \t]*\|.*$", re.MULTILINE | re.IGNORECASE)
    match = row.search(text)
    return (match.start(), match.end()) if match and gold.quote in match.group(0) else None


def _table_row_region(text: str, gold: GoldClaim, row_labels: set[str]) -> tuple[int, int] | None:
    """From the row label to the next labelled row: every cell of the row, whatever its column."""
    inline = _pipe_row_region(text, gold)
    if inline is not None:
        return inline
    label = _label_line(text, gold.table_row or "")
    if label is None or _find_quote(text, gold.quote, label.end()) is None:
        return None
    following = [m.start() for other in row_labels - {gold.table_row} if (m := _label_line(text, other, label.end()))]
    return label.start(), min(following, default=len(text))


def gold_region(
    source: Source, gold: GoldClaim, sentences: list[tuple[int, int]], row_labels: set[str] = frozenset()  # type: ignore[assignment]
) -> tuple[int, int] | None:
    """The part of the text a matching claim must overlap."""
    if gold.table_row:
        region = _table_row_region(source.text, gold, set(row_labels))
        if region:
            return region
    quote = _find_quote(source.text, gold.quote)
    if quote is None:
        return None
    start, end = quote
    overlapping = [s for s in sentences if s[0] < end and start < s[1]] or [quote]
    line_start, line_end = _line_bounds(source.text, start, end)
    return max(min(s[0] for s in overlapping), line_start), min(max(s[1] for s in overlapping), line_end)


def _overlaps(item: CheckedClaim, region: tuple[int, int]) -> bool:
    claim = item.claim
    return claim.start is not None and claim.end is not None and claim.start < region[1] and region[0] < claim.end


def match_source(source: Source, golds: tuple[GoldClaim, ...], checked: list[CheckedClaim], evaluation: Evaluation) -> None:
    """Match one source's labelled claims with its extracted claims."""
    from pipeline.extract.nlp import load_nlp

    sentences = [(s.start_char, s.end_char) for s in load_nlp()(source.text).sents]
    matched_ids: set[str] = set()
    row_labels = {gold.table_row for gold in golds if gold.table_row}
    for gold in golds:
        region = gold_region(source, gold, sentences, row_labels)
        if region is None:
            evaluation.unlocated.append((gold, source.file))
            evaluation.missed.append((gold, source.file))
            continue
        hits = [c for c in checked if c.claim.subject == gold.subject and c.claim.attribute == gold.attribute and _overlaps(c, region)]
        if not hits:
            evaluation.missed.append((gold, source.file))
            continue
        best = min(hits, key=lambda c: (c.claim.value != gold.value, abs((c.claim.start or 0) - region[0])))
        evaluation.found.append((gold, source.file, best))
        matched_ids.update(c.claim.id for c in hits)
    for item in checked:
        (evaluation.true_positives if item.claim.id in matched_ids else evaluation.false_positives).append(item)


def _extract_only(folders: Any) -> tuple[list[Source], list[CheckedClaim]]:
    """Ingest and extract, with every verdict left unverifiable: for measuring extraction alone."""
    from pipeline.extract import extract_claims
    from pipeline.ingest.loader import load_sources
    from pipeline.records import Verdict
    from pipeline.vocab import load_vocabulary

    sources = load_sources(folders.sources)
    claims = extract_claims(sources, load_vocabulary(folders.config("vocabulary.yaml")), folders.claims)
    pending = "verdicts were not computed (--no-verdicts)"
    return sources, [CheckedClaim(claim=c, verdict=Verdict(claim_id=c.id, label="unverifiable", rationale=pending)) for c in claims]


def evaluate_folder(gold_folder: Path, folders: Any, python: str | None = None, verdicts: bool = True) -> Evaluation:
    """Run the pipeline without writing anything and compare it with the gold folder."""
    golds = load_gold(gold_folder)
    if verdicts:
        from pipeline.ingest.loader import load_sources
        from pipeline.run import RunOptions, check

        result = check(RunOptions(folders=folders, python=python, write=False))
        loaded, checked = load_sources(folders.sources), list(result.checked)  # the run keeps no texts
    else:
        loaded, checked = _extract_only(folders)
    sources = {s.file: s for s in loaded}
    by_source: dict[str, list[CheckedClaim]] = defaultdict(list)
    for item in checked:
        if item.claim.origin == "extracted":  # hand-written claims are not extraction output
            by_source[item.claim.source].append(item)
    evaluation = Evaluation()
    for gold_file in golds:
        if gold_file.source not in sources:
            raise FactcheckError(E_GOLD, f"labelled source {gold_file.source!r} is not in {folders.sources}", fix="pass --sources")
        match_source(sources[gold_file.source], gold_file.claims, by_source[gold_file.source], evaluation)
    return evaluation


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(tp_pred: int, predicted: int, found: int, gold: int) -> tuple[float, float, float]:
    precision, recall = _ratio(tp_pred, predicted), _ratio(found, gold)
    f1 = _ratio(int(2 * precision * recall * 10**6), int((precision + recall) * 10**6))
    return precision, recall, f1


def figures(evaluation: Evaluation) -> dict[str, float]:
    """Overall precision, recall, F1 and verdict accuracy."""
    predicted = len(evaluation.true_positives) + len(evaluation.false_positives)
    gold = len(evaluation.found) + len(evaluation.missed)
    precision, recall, f1 = _prf(len(evaluation.true_positives), predicted, len(evaluation.found), gold)
    judged = [(g, c) for g, _, c in evaluation.found if g.verdict]
    correct = sum(1 for g, c in judged if g.verdict == c.verdict.label)
    return {"precision": precision, "recall": recall, "f1": f1, "verdict_accuracy": _ratio(correct, len(judged)), "verdicts_judged": len(judged)}


def _per_attribute(evaluation: Evaluation) -> list[str]:
    rows = []
    attributes = sorted({g.attribute for g, *_ in evaluation.found + evaluation.missed} | {c.claim.attribute for c in evaluation.false_positives})
    for attribute in attributes:
        tp = sum(1 for c in evaluation.true_positives if c.claim.attribute == attribute)
        fp = sum(1 for c in evaluation.false_positives if c.claim.attribute == attribute)
        found = sum(1 for g, *_ in evaluation.found if g.attribute == attribute)
        missed = sum(1 for g, *_ in evaluation.missed if g.attribute == attribute)
        p, r, f = _prf(tp, tp + fp, found, found + missed)
        rows.append(f"  {attribute:<24} {p:6.2f} {r:6.2f} {f:6.2f}   gold {found + missed:3d}  extracted {tp + fp:3d}")
    return rows


def _confusion(evaluation: Evaluation) -> list[str]:
    counts = Counter((g.verdict, c.verdict.label) for g, _, c in evaluation.found if g.verdict)
    header = "  gold \\ got    " + " ".join(f"{label[:11]:>12}" for label in VERDICT_LABELS)
    rows = [header]
    for expected in VERDICT_LABELS:
        rows.append(f"  {expected:<14}" + " ".join(f"{counts[(expected, got)]:>12}" for got in VERDICT_LABELS))
    return rows


def render_evaluation(evaluation: Evaluation, limit: int = 40) -> str:
    """The printed report: misses and false positives first, the figures last."""
    lines = [f"Missed ({len(evaluation.missed)}):"]
    lines += [f"  {f} {g.id} {g.subject}/{g.attribute}: {g.quote[:90]!r}" for g, f in evaluation.missed[:limit]]
    lines.append(f"False positives ({len(evaluation.false_positives)}):")
    lines += [f"  {c.claim.source} {c.claim.subject}/{c.claim.attribute}: {c.claim.quote[:90]!r}" for c in evaluation.false_positives[:limit]]
    wrong = [(g, c) for g, _, c in evaluation.found if g.verdict and g.verdict != c.verdict.label]
    lines.append(f"Wrong verdicts ({len(wrong)}):")
    lines += [f"  {g.id} {g.subject}/{g.attribute} gold {g.verdict} got {c.verdict.label}: {g.quote[:70]!r}" for g, c in wrong[:limit]]
    lines += ["Per attribute:          precision recall     F1"] + _per_attribute(evaluation)
    lines += ["Verdict confusion (rows gold, columns factcheck):"] + _confusion(evaluation)
    f = figures(evaluation)
    lines.append(
        f"Extraction: precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}  "
        f"(gold {len(evaluation.found) + len(evaluation.missed)}, found {len(evaluation.found)}, "
        f"extracted {len(evaluation.true_positives) + len(evaluation.false_positives)}, false positives {len(evaluation.false_positives)})"
    )
    lines.append(f"Verdicts: accuracy {f['verdict_accuracy']:.3f} on {f['verdicts_judged']} matched claims")
    return "\n".join(lines)
