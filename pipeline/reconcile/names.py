"""Former names: "Facebook" as a developer is outdated once Facebook became Meta.

Products count too: "TensorFlow Lite" as the mobile runtime is outdated after it became
LiteRT, unless the quote names the new name as well.

The value tables map an old name and the new one to the same token (both are ``meta``), so
token evidence supports the claim; but a claim that names the old name as the present
developer (a table cell, "is developed by") was only current before the rename. A past-tense
origin statement ("came out of Facebook AI Research") stays true and is left alone.
Renames are data in ``claims/facts/lexicon/names.yaml``, each with its citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.reconcile.dates import parse_date
from pipeline.reconcile.lexicon import DEFAULT_LEXICON, Lexicon
from pipeline.reconcile.rationale import Outcome
from pipeline.records import Claim, Evidence


@dataclass(frozen=True)
class FormerName:
    """An organisation name that was replaced on ``renamed``."""

    pattern: re.Pattern[str]
    attribute: str
    renamed: str
    now: str
    statement: str
    citation: str
    # a product rename judges only claims naming the platform it serves ("runs on Android"):
    # a tool call that still works under the old name ("convert with TF Lite") stays true
    platform_claims_only: bool = False


@lru_cache(maxsize=4)
def load_former_names(folder: Path = DEFAULT_LEXICON) -> tuple[FormerName, ...]:
    """The renames listed under ``former_names`` in the lexicon folder."""
    entries: list[FormerName] = []
    for path in sorted(folder.glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("former_names") or []:
            pattern = re.compile(r"(?<![\w])(?:" + str(item["phrase"]) + r")(?![\w])", re.IGNORECASE)
            entries.append(
                FormerName(
                    pattern, str(item["attribute"]), str(item["renamed"]), str(item["now"]), str(item["statement"]),
                    str(item["citation"]), bool(item.get("platform_claims_only", False)),
                )
            )
    return tuple(entries)


def _names_successor(quote: str, now: str) -> bool:
    """True when the quote also names the new name, so it is not presenting the old one as current."""
    return re.search(r"(?<![\w])" + re.escape(now) + r"(?![\w])", quote, re.IGNORECASE) is not None


def former_name_outcome(claim: Claim, outcome: Outcome, lexicon: Lexicon, published: str | None) -> Outcome:
    """``outcome``, turned outdated when a supported claim names a since-renamed organisation."""
    if outcome.label != "supported" or lexicon.has_cue("origin", claim.quote):
        return outcome
    written = parse_date(published)
    for name in load_former_names():
        renamed = parse_date(name.renamed)
        if name.attribute != claim.attribute or not name.pattern.search(claim.quote) or not (written and renamed):
            continue
        if name.platform_claims_only and not lexicon.mentions_attribute(claim.attribute, claim.quote):
            continue
        if _names_successor(claim.quote, name.now):
            continue  # a quote naming the successor as well already knows of the change
        if written.first < renamed.first:
            evidence = Evidence(kind="fact", ref=f"renamed:{name.now}", summary=name.statement, citation=name.citation)
            rationale = f"Outdated: the name was current when the article was written ({published}), but {name.statement}"
            return Outcome("outdated", rationale, outcome.evidence + (evidence,))
    return outcome
