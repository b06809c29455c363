"""Checked claims by page, in memory or on disk, always in reading order."""

from __future__ import annotations

import pytest

from pipeline.checked import CheckedPages, claim_sort_key, in_reading_order
from pipeline.records import CheckedClaim, Claim, Verdict
from pipeline.spool import Spool


def _item(source: str, start: int | None, subject: str = "pytorch", label: str = "supported") -> CheckedClaim:
    claim = Claim(id=f"{source}-{start}-{subject}", source=source, start=start, end=None if start is None else start + 3,
                  quote="q", subject=subject, attribute="license")  # fmt: skip
    return CheckedClaim(claim=claim, verdict=Verdict(claim_id=claim.id, label=label, rationale="r"))  # type: ignore[arg-type]


ITEMS = [_item("b.txt", 40), _item("a.txt", None), _item("curated:x.yaml", 3), _item("a.txt", 7), _item("b.txt", 2, "keras"), _item("a.txt", 7, "jax")]


def test_in_memory_pages_are_sorted_by_key_and_read_in_reading_order() -> None:
    pages = CheckedPages.in_memory(ITEMS)
    assert pages.keys == ("a.txt", "b.txt", "curated:x.yaml")
    assert list(pages) == sorted(ITEMS, key=lambda item: claim_sort_key(item.claim))
    assert [item.claim.start for item in pages.page("a.txt")] == [7, 7, None]
    assert pages.page("missing.txt") == () and len(pages) == len(ITEMS) and pages
    assert not CheckedPages.in_memory([])


def test_spooled_pages_read_back_what_memory_holds() -> None:
    memory = CheckedPages.in_memory(ITEMS)
    spooled = CheckedPages.spooled(((key, memory.page(key)) for key in memory.keys), Spool())
    assert spooled.keys == memory.keys and len(spooled) == len(memory)
    assert list(spooled) == list(memory)
    assert spooled.page("b.txt") == memory.page("b.txt") == in_reading_order([ITEMS[0], ITEMS[4]])


def test_spooled_pages_must_come_in_key_order() -> None:
    with pytest.raises(ValueError, match="out of order"):
        CheckedPages.spooled([("b.txt", ()), ("a.txt", ())], Spool())
