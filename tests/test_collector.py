"""Records built under ``long_lived`` are left out of later collections, and the collector's
state comes back as it was, nested or not, error or not."""

from __future__ import annotations

import gc
from typing import Iterator

import pytest

from pipeline.collector import long_lived


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_is_paused_inside_and_what_was_built_is_frozen() -> None:
    gc.unfreeze()
    with long_lived():
        assert not gc.isenabled()
        records = [{"claim": number} for number in range(1_000)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(records)


def test_nested_blocks_leave_the_collector_paused_until_the_outer_one_ends() -> None:
    with long_lived():
        with long_lived():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_restores_the_collector() -> None:
    with pytest.raises(RuntimeError):
        with long_lived():
            raise RuntimeError("stage failed")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    with long_lived():
        pass
    assert not gc.isenabled()


def test_frozen_records_are_still_freed_when_no_longer_used() -> None:
    import weakref

    class Record:
        pass

    with long_lived():
        record = Record()
    gone = weakref.ref(record)
    del record
    assert gone() is None  # reference counting, not the collector, frees it
