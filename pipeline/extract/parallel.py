"""Extraction over several worker processes, one spaCy pipeline per worker.

Articles are independent, so they are dealt out in chunks of similar size; each worker
builds its engine once and sends back claims (small records), never parsed documents.
Workers are spawned, not forked: a fork of a process holding BLAS threads can hang.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.records import Claim, Source
from pipeline.workers import worker_pool

CHUNKS_PER_WORKER = 4
_worker: dict[str, object] = {}


def balanced_chunks(sources: list[Source], count: int) -> list[list[Source]]:
    """``sources`` dealt into at most ``count`` chunks of similar total length, longest first."""
    count = max(1, min(count, len(sources)))
    chunks: list[list[Source]] = [[] for _ in range(count)]
    sizes = [0] * count
    for source in sorted(sources, key=lambda s: (-len(s.text), s.file)):
        smallest = sizes.index(min(sizes))
        chunks[smallest].append(source)
        sizes[smallest] += len(source.text)
    return [chunk for chunk in chunks if chunk]


def _start_worker(vocabulary_path: Path | None, claims_dir: Path | None) -> None:
    from pipeline.extract.extractor import engine_for
    from pipeline.vocab import load_vocabulary

    vocab = load_vocabulary(vocabulary_path)
    engine_for(vocab, claims_dir)  # load spaCy and compile the rules before the first chunk
    _worker.update(vocab=vocab, claims_dir=claims_dir)


def _extract_chunk(sources: list[Source]) -> list[Claim]:
    from pipeline.extract.extractor import extract_claims

    return extract_claims(sources, _worker["vocab"], _worker["claims_dir"])  # type: ignore[arg-type]


def extract_in_workers(sources: list[Source], vocabulary_path: Path | None, claims_dir: Path | None, jobs: int) -> list[Claim]:
    """Claims of every source, extracted by ``jobs`` worker processes (unsorted)."""
    chunks = balanced_chunks(sources, jobs * CHUNKS_PER_WORKER)
    with worker_pool(jobs, "spawn", _start_worker, (vocabulary_path, claims_dir)) as pool:
        return [claim for claims in pool.map(_extract_chunk, chunks) for claim in claims]
