"""The one pass that counts everything the reports show agrees with counting claim by claim."""

from __future__ import annotations

from collections import Counter

from pipeline.records import CheckedClaim, Claim, RunResult, Verdict
from pipeline.report.data import build_report_data
from pipeline.report.summary import CLAIMS_TABLE_LIMIT, Section, Tally
from pipeline.vocab import Vocabulary


def test_counts_agree_with_counting_claim_by_claim(run_result: RunResult, vocab: Vocabulary) -> None:
    data = build_report_data(run_result, vocab)
    items = list(data.items)
    summary = data.summary
    assert summary.total.count == len(items) and summary.total.verdicts == Counter(i.verdict.label for i in items)
    for key in {item.claim.source for item in items}:
        own = [item for item in items if item.claim.source == key]
        assert summary.page(key).verdicts == Counter(i.verdict.label for i in own) and summary.page(key).articles == 1
    for subject, sheet in summary.sheets.items():
        own = [item for item in items if item.claim.subject == subject]
        assert sheet.tally.count == len(own) and sheet.tally.articles == len({i.claim.source for i in own})
        for attribute, section in sheet.attributes.items():
            mine = [i for i in own if i.claim.attribute == attribute]
            assert section.tally.count == len(mine) and section.claims == mine
            assert Counter({v: t.count for v, t in section.values.items()}) == Counter(data.stated(i.claim) for i in mine)
        compared = [i for i in items if i.claim.relation and i.claim.relation.object == subject and i.claim.subject != subject]
        assert sheet.compared.claims == compared
    assert summary.topics == Counter((i.claim.subject, i.claim.attribute) for i in items)
    assert summary.flagged == {(i.verdict.label, i.claim.attribute) for i in items if i.verdict.label in ("refuted", "outdated")}
    assert sum(t.count for t in summary.contested.values()) == sum(i.verdict.label == "contested" for i in items)
    named = {c for record in run_result.contradictions for c in (record.claim_a, record.claim_b)}
    assert named <= set(summary.named) and all(summary.named[c].claim.id == c for c in named)


def _item(number: int, source: str, value: str, label: str = "refuted") -> CheckedClaim:
    claim = Claim(id=f"c{number}", source=source, start=number, end=number + 1, quote="q", subject="pytorch", attribute="license", value=value)
    return CheckedClaim(claim=claim, verdict=Verdict(claim_id=claim.id, label=label, rationale="r"))  # type: ignore[arg-type]


def test_a_tally_counts_articles_as_claims_come_grouped_by_source() -> None:
    tally = Tally()
    for number, source in enumerate(["a.txt", "a.txt", "b.txt", "c.txt", "c.txt"]):
        tally.add(_item(number, source, "MIT", "supported" if number % 2 else "refuted"))
    assert (tally.count, tally.articles, tally.first.claim.id) == (5, 3, "c0")  # type: ignore[union-attr]
    assert tally.counts == {"supported": 2, "refuted": 3, "outdated": 0, "contested": 0, "unverifiable": 0}


def test_a_section_keeps_its_claims_only_up_to_the_table_limit() -> None:
    section = Section()
    for number in range(CLAIMS_TABLE_LIMIT):
        section.add(_item(number, f"{number:03d}.txt", "MIT" if number % 3 else "BSD"), "MIT" if number % 3 else "BSD")
    assert len(section.claims) == CLAIMS_TABLE_LIMIT
    section.add(_item(99, "999.txt", "GPL"), "GPL")
    assert section.claims == [] and section.tally.count == CLAIMS_TABLE_LIMIT + 1
    assert {value: tally.count for value, tally in section.values.items()} == {"BSD": 17, "MIT": 33, "GPL": 1}
