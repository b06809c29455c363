"""The on-disk list large runs keep their claims in between stages."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from pipeline.spool import Spool


def test_entries_come_back_equal_by_index_and_in_order() -> None:
    spool: Spool[object] = Spool()
    entries = [{"n": n, "text": "é" * n} for n in range(50)] + [("tuple", None), []]
    indexes = [spool.append(entry) for entry in entries]
    assert indexes == list(range(len(entries)))
    assert len(spool) == len(entries)
    assert [spool[i] for i in (51, 0, 17)] == [entries[51], entries[0], entries[17]]
    assert list(spool) == entries
    spool.close()


def test_an_entry_read_back_is_a_copy() -> None:
    spool: Spool[list[int]] = Spool()
    spool.append([1, 2])
    first = spool[0]
    first.append(3)
    assert spool[0] == [1, 2]


def _read_in_child(spool: Spool[str], index: int, queue: "multiprocessing.Queue[str]") -> None:
    queue.put(spool[index])


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_forked_processes_read_side_by_side() -> None:
    """Reads never move a shared file position, so a forked reader cannot disturb the parent."""
    spool: Spool[str] = Spool()
    for n in range(200):
        spool.append(f"entry {n} " + "x" * n)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    children = [context.Process(target=_read_in_child, args=(spool, n, queue)) for n in (5, 150, 199)]
    for child in children:
        child.start()
    parent = [spool[n] for n in range(200)]  # while the children read
    for child in children:
        child.join(timeout=30)
    assert sorted(queue.get(timeout=5) for _ in children) == sorted(f"entry {n} " + "x" * n for n in (5, 150, 199))
    assert parent == [f"entry {n} " + "x" * n for n in range(200)]


def test_a_folder_that_cannot_hold_the_spool_is_a_located_error(tmp_path: Path) -> None:
    from pipeline.errors import E_WRITE, WriteError

    with pytest.raises(WriteError) as caught:
        Spool(tmp_path / "missing")
    assert caught.value.code == E_WRITE and "TMPDIR" in caught.value.fix
