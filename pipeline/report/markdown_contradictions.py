"""``contradictions.md``: every pair of claims that cannot both hold, with both quotes.

A contradiction between two classes of claims that read alike (see
``pipeline.reconcile.contradictions``) shows one quote per side, then how many more claims
stand on that side, their verdicts, and links to the first few; ``claims.json`` lists every
claim of every side. So the page grows with the number of distinct disagreements, not with
the number of articles repeating them.

Also renders the contradiction blocks the index shows for its top few, and decides which
those are (``ranked``), so both pages describe a contradiction the same way.
"""

from __future__ import annotations


from pipeline.records import Contradiction
from pipeline.report.base import SingleFile
from pipeline.report.data import ReportData, anchor
from pipeline.report.summary import SIDE_LINKS, contradiction_key
from pipeline.report.markdown import badge, blockquote, code, counts_line, footer, inline

KIND_TEXT = {
    "value": "different values",
    "ranking": "conflicting rankings",
    "comparison": "opposite comparisons",
    "polarity": "one affirms, one denies",
}


def contradiction_anchor(contradiction: Contradiction) -> str:
    """A stable anchor from the two claim ids."""
    return "contradiction-" + anchor(f"{contradiction.claim_a}-{contradiction.claim_b}")[len("claim-") :]


def ordered(data: ReportData) -> list[Contradiction]:
    """All contradictions by subject, attribute, kind and claim ids."""
    return sorted(data.result.contradictions, key=lambda c: (c.subject, c.attribute, c.kind, c.claim_a, c.claim_b))


def ranked(data: ReportData) -> list[Contradiction]:
    """Most important first: settled by evidence (one side holds, the other is refuted or
    outdated, so a reader learns which article is wrong), then across articles, then on
    much-discussed topics."""
    topic = data.summary.topics
    wrong = ("refuted", "outdated")

    def importance(c: Contradiction) -> tuple[int, int, int, int]:
        a, b = data.summary.named.get(c.claim_a), data.summary.named.get(c.claim_b)
        labels = {item.verdict.label for item in (a, b) if item is not None}
        settled = int("supported" in labels and bool(labels & set(wrong)))
        cross = int(a is not None and b is not None and a.claim.source != b.claim.source)
        return (-settled, -cross, -topic[(c.subject, c.attribute)], -claim_count(c))

    return sorted(ordered(data), key=importance)


def claim_count(contradiction: Contradiction) -> int:
    """How many claims the contradiction sets against each other, both sides together."""
    return 2 + len(contradiction.same_as_a) + len(contradiction.same_as_b)


def _side(data: ReportData, contradiction: Contradiction, first: bool, prefix: str) -> list[str]:
    claim_id = contradiction.claim_a if first else contradiction.claim_b
    item = data.summary.named.get(claim_id)
    if item is None:
        return [f"- claim {code(claim_id)} (not among this run's claims)"]
    where = f"[{inline(data.where(item.claim))}]({data.claim_href(item.claim, prefix)})"
    return [*blockquote(item.claim.quote), "", f"— {where} · {badge(item.verdict.label)}", *_alike(data, contradiction, first, prefix)]


def _alike(data: ReportData, contradiction: Contradiction, first: bool, prefix: str) -> list[str]:
    """The side's other claims: how many, their verdicts, and the first few linked."""
    tally = data.summary.sides[contradiction_key(contradiction)][0 if first else 1]
    if not tally.count:
        return []
    same_as = contradiction.same_as_a if first else contradiction.same_as_b
    shown = [data.summary.named[c].claim for c in same_as[:SIDE_LINKS] if c in data.summary.named]
    links = ", ".join(f"[{inline(data.where(claim, 40))}]({data.claim_href(claim, prefix)})" for claim in shown)
    verdicts = counts_line(tally.counts, skip_zero=True)
    more = f" and {tally.count - SIDE_LINKS} more" if tally.count > SIDE_LINKS else ""
    noun = "claim reads" if tally.count == 1 else "claims read"
    return ["", f"+ {tally.count} more {noun} alike, in {tally.articles} article(s): {verdicts}; e.g. {links}{more}."]


def contradiction_block(data: ReportData, contradiction: Contradiction, prefix: str, level: str = "###") -> list[str]:
    """Heading, both quotes with their sources and verdicts, and the explanation."""
    kind = KIND_TEXT.get(contradiction.kind, contradiction.kind)
    title = f"{data.subject_name(contradiction.subject)} · {contradiction.attribute} ({kind})"
    lines = [f'{level} <a id="{contradiction_anchor(contradiction)}"></a>⚖️ {inline(title)}', ""]
    lines += _side(data, contradiction, True, prefix) + [""]
    lines += _side(data, contradiction, False, prefix)
    explanation = contradiction.explanation or "No explanation was recorded."
    return lines + ["", f"**Resolution:** {inline(explanation)}", ""]


def render_contradictions(data: ReportData) -> str:
    """The Markdown of ``contradictions.md``."""
    items = ordered(data)
    lines = ["# Contradictions", "", "[← Summary](index.md)", ""]
    if not items:
        lines += ["No two claims in this run contradict each other.", ""]
    elif not any(c.same_as_a or c.same_as_b for c in items):
        intro = f"{len(items)} pairs of claims cannot both hold. Each shows both quotes, their verdicts"
        lines += [intro + " and what the evidence says.", ""]
    else:
        claims = sum(claim_count(c) for c in items)
        intro = (
            f"{len(items)} disagreements, among {claims:,} claims (a claim can be in several), cannot be reconciled."
            " Each shows one quote per side, its verdict and what the evidence says; claims that read like a"
            " quoted one are counted and linked below it, and all are listed in [claims.json](claims.json)."
        )
        lines += [intro, ""]
    for contradiction in items:
        lines += contradiction_block(data, contradiction, "sources/", "##")
    return "\n".join(lines + footer(""))


class ContradictionsFormatter(SingleFile):
    """Writes ``contradictions.md``."""

    name = "contradictions"
    filename = "contradictions.md"

    def render(self, data: ReportData) -> str:
        return render_contradictions(data)
