"""Measure reconcile alone on the labelled claims, independent of extraction.

Usage: ``.venv/bin/python -m tests.reconcile.gold_harness [gold_folder] [--sources DIR] [--probes] [--all]``.
``--sources DIR`` names the articles' folder (with its ``index.yaml``) so publication dates
come from the set being measured; without it the project's own ``sources/`` is used.
Each labelled claim becomes a Claim record (values normalised to tokens, relation as given,
negation and "only" read from the quote's words), then reconcile runs with the reference
facts and, with ``--probes``, the real probe results; accuracy is printed against the labels.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from pipeline.ingest.loader import load_sources
from pipeline.paths import PROJECT_CLAIMS, PROJECT_ROOT
from pipeline.reconcile import load_facts, reconcile
from pipeline.records import VERDICT_LABELS, CheckedClaim, Claim, ProbeResult, Qualifiers, Relation
from pipeline.values import table_for, tokens
from pipeline.vocab import Vocabulary, load_vocabulary

NEGATION = re.compile(r"\b(not|no|never|cannot)\b|n[’']t\b", re.IGNORECASE)
EXCLUSIVE = re.compile(r"\bonly\b", re.IGNORECASE)


def qualifiers_from_quote(quote: str) -> Qualifiers:
    """Negation and exclusivity from the quote's words, as a simple extractor would set them."""
    return Qualifiers(negated=bool(NEGATION.search(quote)), exclusive=bool(EXCLUSIVE.search(quote)))


def normalise(attribute: str, value: object, vocab: Vocabulary) -> object:
    """List and enum values as sorted canonical tokens; other values as given."""
    kind = vocab.attributes[attribute].kind
    if kind == "list" and value is not None:
        return sorted(tokens(attribute, value)) if table_for(attribute) else [str(v) for v in value]  # type: ignore[union-attr]
    if kind == "enum" and isinstance(value, str) and table_for(attribute):
        found = sorted(tokens(attribute, value))
        return found[0] if len(found) == 1 else value
    return value


def gold_claims(folder: Path, vocab: Vocabulary) -> tuple[list[Claim], dict[str, str]]:
    """Claims built from the labelled files, and the label of each claim id."""
    claims: list[Claim] = []
    labels: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["claims"]:
            relation = Relation(**item["relation"]) if item.get("relation") else None
            claims.append(
                Claim(
                    id=item["id"],
                    source=data["source"],
                    quote=item["quote"],
                    subject=item["subject"],
                    attribute=item["attribute"],
                    value=normalise(item["attribute"], item.get("value"), vocab),  # type: ignore[arg-type]
                    relation=relation,
                    qualifiers=qualifiers_from_quote(item["quote"]),
                )
            )
            labels[item["id"]] = item["verdict"]
    return claims, labels


def probe_results(vocab: Vocabulary) -> list[ProbeResult]:
    """The real probe results (cached), or none when the probe package is not ready."""
    try:
        from pipeline.probes import load_probes, run_probes
    except ImportError:
        return []
    probes = load_probes(PROJECT_CLAIMS / "probes", vocab)
    return list(run_probes(probes, python=None, cache_dir=PROJECT_ROOT / ".factcheck-cache" / "probes"))


def report(checked: list[CheckedClaim], labels: dict[str, str], show_all: bool) -> str:
    """Accuracy, confusion matrix and the wrong verdicts."""
    pairs = [(labels[c.claim.id], c.verdict.label) for c in checked]
    correct = sum(1 for gold, got in pairs if gold == got)
    counts = Counter(pairs)
    lines = ["gold \\ got     " + " ".join(f"{label[:11]:>12}" for label in VERDICT_LABELS)]
    for expected in VERDICT_LABELS:
        lines.append(f"{expected:<14}" + " ".join(f"{counts[(expected, got)]:>12}" for got in VERDICT_LABELS))
    for item in checked:
        gold = labels[item.claim.id]
        if show_all or gold != item.verdict.label:
            lines.append(f"{item.claim.id} {item.claim.subject}/{item.claim.attribute} gold {gold} got {item.verdict.label}: {item.claim.quote[:70]!r}")
            lines.append(f"    {item.verdict.rationale[:220]}")
    lines.append(f"accuracy {correct / len(pairs):.3f} ({correct}/{len(pairs)})")
    return "\n".join(lines)


def parse_args(argv: list[str]) -> tuple[Path, Path, set[str]]:
    """The gold folder, the sources folder and the flags given on the command line."""
    positional: list[str] = []
    sources = PROJECT_ROOT / "sources"
    flags: set[str] = set()
    items = iter(argv)
    for arg in items:
        if arg == "--sources":
            sources = Path(next(items))
        elif arg.startswith("--sources="):
            sources = Path(arg.split("=", 1)[1])
        elif arg.startswith("--"):
            flags.add(arg)
        else:
            positional.append(arg)
    folder = Path(positional[0]) if positional else PROJECT_ROOT.parent / "shared" / "gold"
    return folder, sources, flags


def main(argv: list[str]) -> None:
    """Run the harness and print the report."""
    folder, sources_folder, flags = parse_args(argv)
    vocab = load_vocabulary()
    claims, labels = gold_claims(folder, vocab)
    sources = load_sources(sources_folder)
    results = probe_results(vocab) if "--probes" in flags else []
    facts = load_facts(PROJECT_CLAIMS / "facts", vocab)
    checked, contradictions = reconcile(claims, sources, results, facts, vocab)
    print(report(checked, labels, "--all" in flags))
    print(f"contradictions: {len(contradictions)}; probe results: {len(results)}; facts: {len(facts)}")


if __name__ == "__main__":
    main(sys.argv[1:])
