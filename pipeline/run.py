"""Wires the stages: ingest -> extract -> catalog -> probe -> reconcile -> report.

No CLI code here; ``cli.py`` parses options and calls ``run``. Each stage is a function from
records to records, so the wiring reads as the data flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.catalog.claims import read_curated, sync_extracted
from pipeline.environment import describe_run_environment
from pipeline.extract import extract_claims
from pipeline.ingest.loader import load_sources
from pipeline.paths import Folders
from pipeline.probes import load_probes, run_probes
from pipeline.reconcile import load_facts, reconcile
from pipeline.records import Claim, RunResult, Source
from pipeline.report import write_reports
from pipeline.vocab import Vocabulary, load_vocabulary

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunOptions:
    """What one run reads, writes and probes."""

    folders: Folders = field(default_factory=Folders)
    python: str | None = None
    write: bool = True


def _quiet(_: str) -> None:
    return None


def gather_claims(sources: list[Source], vocab: Vocabulary, options: RunOptions, progress: Progress) -> list[Claim]:
    """Extracted claims (review decisions merged, files rewritten when writing) plus curated ones."""
    progress("extract")
    extracted = extract_claims(sources, vocab, options.folders.claims)
    if options.write:
        extracted = sync_extracted(options.folders.extracted, sources, extracted, vocab)
    curated = read_curated(options.folders.curated, vocab, {s.file: s for s in sources})
    return [c for c in extracted + curated if c.review != "rejected"]


def check(options: RunOptions, progress: Progress = _quiet, vocab: Vocabulary | None = None) -> RunResult:
    """Run every stage up to verdicts; write claim files when ``options.write``."""
    folders = options.folders
    vocab = vocab or load_vocabulary(folders.config("vocabulary.yaml"))
    progress("ingest")
    sources = load_sources(folders.sources)
    claims = gather_claims(sources, vocab, options, progress)
    progress("probe")
    probes = load_probes(folders.config("probes"), vocab)
    results = run_probes(probes, python=options.python, cache_dir=folders.cache / "probes", on_progress=progress)
    progress("reconcile")
    facts = load_facts(folders.config("facts"), vocab)
    checked, contradictions = reconcile(claims, sources, results, facts, vocab)
    return RunResult(
        sources=tuple(sources),
        checked=tuple(checked),
        contradictions=tuple(contradictions),
        probe_results=tuple(results),
        environment=describe_run_environment(options.python, results),
    )


def run(options: RunOptions, progress: Progress = _quiet) -> RunResult:
    """The whole pipeline: check, then write the reports."""
    vocab = load_vocabulary(options.folders.config("vocabulary.yaml"))
    result = check(options, progress, vocab)
    if options.write:
        progress("report")
        write_reports(result, options.folders.reports, vocab)
    return result
