"""Worker process pools for ``--jobs``: quiet on Ctrl-C, and a dead worker a coded error.

Ctrl-C reaches every process of the terminal's group. Workers ignore it, so they print no
tracebacks; the main process drops the queued work, ends the workers and reports the
interrupt as usual. A worker that dies (the kernel kills it for lack of memory, say)
breaks the pool: that becomes an ``E302`` error with a fix, not a traceback.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from pipeline.errors import E_WORKER, FactcheckError, Location

Initializer = Callable[..., None]


def can_fork() -> bool:
    """True when this process may fork safely: the system supports it and no other thread runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _start(initializer: Initializer | None, *args: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*args)


@contextmanager
def worker_pool(workers: int, method: str, initializer: Initializer | None = None, args: tuple[Any, ...] = ()) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes started by ``method`` (``spawn`` or ``fork``)."""
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start, initargs=(initializer, *args))
    try:
        yield pool
    except BrokenProcessPool:
        _stop(pool)
        message = "a worker process stopped before finishing its work (killed, most often for lack of memory)"
        raise FactcheckError(E_WORKER, message, Location("--jobs"), "run again with fewer --jobs, or free some memory") from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers now: the run is stopping, and a worker left
    running would write into folders the main process is about to clean up."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)  # forgets the processes: they were listed first
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
