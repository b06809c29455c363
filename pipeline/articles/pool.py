"""Run the per-article work in this process, or spread over worker processes.

Workers are spawned, not forked (a fork of a process holding BLAS threads can hang); each
builds one ``ChunkWorker`` and keeps it, so the vocabulary, the lexicons and spaCy (when an
article needs parsing) are loaded once per worker. Articles are dealt out in chunks of
similar total length; each worker writes its articles' claim files into the staging folder
itself and sends back small records (claims and their readings), never parsed documents.
"""

from __future__ import annotations

from pipeline.articles.task import ArticleSetup, ChunkWorker, Prepared, PreparedArticle
from pipeline.extract.parallel import balanced_chunks
from pipeline.records import Source
from pipeline.workers import worker_pool

CHUNKS_PER_WORKER = 16  # small chunks: a worker that finishes early takes the next one
_worker: list[ChunkWorker] = []  # the worker process's own ChunkWorker


def _start_worker(setup: ArticleSetup) -> None:
    _worker.append(ChunkWorker(setup))


def _prepare_chunk(sources: list[Source]) -> list[PreparedArticle]:
    return _worker[0].prepare(sources)


def prepare_articles(sources: list[Source], setup: ArticleSetup, jobs: int = 1) -> Prepared:
    """Every article prepared, in the order of their file names, whatever ``jobs`` is."""
    ordered = sorted(sources, key=lambda source: source.file)
    if jobs <= 1 or len(ordered) <= 1:
        return Prepared(tuple(ChunkWorker(setup).prepare(ordered)))
    chunks = balanced_chunks(ordered, jobs * CHUNKS_PER_WORKER)
    with worker_pool(jobs, "spawn", _start_worker, (setup,)) as pool:
        by_file = {article.file: article for chunk in pool.map(_prepare_chunk, chunks) for article in chunk}
    return Prepared(tuple(by_file[source.file] for source in ordered))
