"""Worker pools: a dead worker is a coded error, Ctrl-C reaches only the main process, and
work still queued when the run stops is dropped rather than waited for."""

from __future__ import annotations

import os
import signal
import time

import pytest

from pipeline.errors import E_WORKER, FactcheckError
from pipeline.workers import worker_pool


def _die(_: int) -> int:
    os._exit(9)  # as a worker the kernel killed would: no exception, no result


def _pid(_: int) -> int:
    return os.getpid()


def _interrupt_self_then_answer(value: int) -> int:
    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C sends every process of the terminal's group
    time.sleep(0.05)
    return value * 2


def _slow(value: int) -> int:
    time.sleep(0.2)
    return value


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_a_worker_that_dies_is_a_coded_error(method: str) -> None:
    with pytest.raises(FactcheckError) as caught:
        with worker_pool(1, method) as pool:
            list(pool.map(_die, [1, 2]))
    assert caught.value.code == E_WORKER and "--jobs" in caught.value.fix


def test_workers_ignore_ctrl_c_and_finish_their_work() -> None:
    with worker_pool(2, "spawn") as pool:
        assert list(pool.map(_interrupt_self_then_answer, range(4))) == [0, 2, 4, 6]
        assert os.getpid() not in set(pool.map(_pid, range(4)))


def test_work_still_queued_when_the_run_stops_is_dropped() -> None:
    futures = []
    with pytest.raises(KeyboardInterrupt):
        with worker_pool(1, "fork") as pool:
            futures = [pool.submit(_slow, number) for number in range(20)]
            futures[0].result()
            raise KeyboardInterrupt
    deadline = time.monotonic() + 30  # the pool cancels queued work from its own thread
    while not all(future.done() for future in futures) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sum(future.cancelled() for future in futures) >= 15
