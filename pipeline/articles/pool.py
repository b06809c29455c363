"""Run the per-article work in this process, or spread over worker processes.

Workers are spawned, not forked (a fork of a process holding BLAS threads can hang); each
builds one ``ChunkWorker`` and keeps it, so the vocabulary, the lexicons and spaCy (when an
article needs parsing) are loaded once per worker. Articles are dealt out in small chunks
of neighbouring file names; each worker writes its articles' claim files into the staging
folder itself and sends back small records (claims and their readings), never parsed
documents. Articles come back in the order of their file names as soon as they are ready,
so the caller can store each one away instead of holding the whole corpus.
"""

from __future__ import annotations

import math
from typing import Iterator

from pipeline.articles.task import ArticleSetup, ChunkWorker, PreparedArticle
from pipeline.records import Source
from pipeline.workers import worker_pool

CHUNKS_PER_WORKER = 16  # at least this many chunks per worker: one that finishes early takes the next
# At most this many articles per chunk: a chunk finished ahead of the one before it waits in
# memory until that one is done, so chunks stay small however large the corpus.
ARTICLES_PER_CHUNK = 16
_worker: list[ChunkWorker] = []  # the worker process's own ChunkWorker


def _start_worker(setup: ArticleSetup) -> None:
    _worker.append(ChunkWorker(setup))


def _prepare_chunk(sources: list[Source]) -> list[PreparedArticle]:
    return _worker[0].prepare(sources)


def neighbour_chunks(ordered: list[Source], count: int, most: int = ARTICLES_PER_CHUNK) -> list[list[Source]]:
    """``ordered`` cut into runs of neighbours of one size: about ``count`` of them, none with
    more than ``most`` articles. (The sources of a large run carry no text to weigh them by;
    many small chunks even out their lengths anyway.)"""
    size = max(1, min(most, math.ceil(len(ordered) / max(1, count))))
    return [ordered[start : start + size] for start in range(0, len(ordered), size)]


def each_article(sources: list[Source], setup: ArticleSetup, jobs: int = 1) -> Iterator[PreparedArticle]:
    """Every article prepared, in the order of their file names, whatever ``jobs`` is."""
    ordered = sorted(sources, key=lambda source: source.file)
    if jobs <= 1 or len(ordered) <= 1:
        worker = ChunkWorker(setup)
        for chunk in neighbour_chunks(ordered, 1):
            yield from worker.prepare(chunk)
        return
    chunks = neighbour_chunks(ordered, jobs * CHUNKS_PER_WORKER)
    with worker_pool(jobs, "spawn", _start_worker, (setup,)) as pool:
        for chunk in pool.map(_prepare_chunk, chunks):
            yield from chunk
