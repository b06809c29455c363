"""The extraction stage alone, timed in a process of its own.

``python -m pipeline.bench.extract_timing SOURCES JOBS`` loads the articles of SOURCES,
extracts their claims with JOBS worker processes and prints one line: how many claims, how
many articles, and the seconds ``extract_claims`` took. Loading spaCy is part of the time
(in the process itself with one job, in every worker with more), as it is in a real run;
reading the articles and starting Python are not. The extraction cache is not used.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from pipeline.paths import Folders

_LINE = re.compile(r"([\d,]+) claims extracted from ([\d,]+) articles in ([\d.]+) s")


def time_extraction(sources_folder: Path, jobs: int) -> str:
    """Extract every article of ``sources_folder`` and describe the run in one line."""
    from pipeline.extract import extract_claims
    from pipeline.ingest.loader import load_sources
    from pipeline.vocab import load_vocabulary

    sources = load_sources(sources_folder)
    vocab = load_vocabulary(Folders().config("vocabulary.yaml"))
    started = time.perf_counter()
    claims = extract_claims(sources, vocab, None, jobs=jobs)
    seconds = time.perf_counter() - started
    return f"{len(claims):,} claims extracted from {len(sources):,} articles in {seconds:.3f} s"


def parse_line(output: str) -> tuple[int, float] | None:
    """(claims, seconds) from the line ``time_extraction`` printed, or None."""
    found = _LINE.search(output)
    return (int(found.group(1).replace(",", "")), float(found.group(3))) if found else None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m pipeline.bench.extract_timing SOURCES JOBS", file=sys.stderr)
        return 2
    print(time_extraction(Path(argv[0]), int(argv[1])), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
