"""Wires the stages: ingest -> extract -> catalog -> probe -> reconcile -> report.

No CLI code here; ``cli.py`` parses options and calls ``run``. Each stage is a function from
records to records, so the wiring reads as the data flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.collector import long_lived
from pipeline.gate import gate_rows
from pipeline.incremental.stamp import RunSummary, forget, read_up_to_date, write_stamp
from pipeline.paths import Folders

if TYPE_CHECKING:
    from pipeline.articles import Prepared
    from pipeline.reconcile.reading import Reading
    from pipeline.records import Claim, RunResult, Source
    from pipeline.vocab import Vocabulary

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunOptions:
    """What one run reads, writes and probes."""

    folders: Folders = field(default_factory=Folders)
    python: str | None = None
    write: bool = True
    jobs: int = 1  # worker processes for the per-article work and the report formats
    force: bool = False  # run every stage even when the reports are up to date (caches still apply)


@dataclass(frozen=True)
class RunOutcome:
    """What a run did: its summary, and its full result unless the reports were up to date."""

    summary: RunSummary
    result: RunResult | None


def _quiet(_: str) -> None:
    return None


@dataclass(frozen=True)
class Gathered:
    """The claims a run judges (with the readings of the extracted ones), the ones reviewers
    rejected or orphaned, and the parse count."""

    judged: list[Claim]
    readings: dict[str, Reading]
    rejected: list[Claim]
    orphaned: list[Claim]
    parsed: int


def prepare_sources(sources: list[Source], vocab: Vocabulary, options: RunOptions, staging: Path | None, progress: Progress) -> Prepared:
    """Each article's claims (cached or parsed), reviews merged and new claim files staged."""
    from pipeline.articles import ArticleSetup, prepare_articles
    from pipeline.errors import ErrorGroup
    from pipeline.incremental.extraction import rules_digest

    folders = options.folders
    vocabulary = vocab.path or folders.config("vocabulary.yaml")
    setup = ArticleSetup(vocabulary, folders.claims, folders.cache / "extract", rules_digest(folders), staging)
    progress(f"extract: {len(sources)} article(s) with {options.jobs} job(s)")
    prepared = prepare_articles(sources, setup, options.jobs)
    errors = prepared.errors()
    if errors:
        raise ErrorGroup(errors)  # nothing moved into place: every claim file stays as it was
    return prepared


def gather_claims(sources: list[Source], vocab: Vocabulary, options: RunOptions, progress: Progress) -> Gathered:
    """Extracted claims (review decisions merged, files rewritten when writing) plus curated ones."""
    from pipeline.catalog.claims import read_curated
    from pipeline.catalog.staging import move_into_place, staging_folder

    if options.write:
        with staging_folder(options.folders.extracted) as staging:
            prepared = prepare_sources(sources, vocab, options, staging, progress)
            move_into_place([a.staged for a in prepared.articles if a.staged is not None], options.folders.extracted)
    else:
        prepared = prepare_sources(sources, vocab, options, None, progress)
    extracted: list[Claim] = []
    orphaned: list[Claim] = []
    readings: dict[str, Reading] = {}
    for article in prepared.articles:
        readings.update(article.readings)
        extracted += article.claims
        orphaned += article.orphaned
    curated = read_curated(options.folders.curated, vocab, {source.file: source for source in sources})
    everything = extracted + curated
    judged = [c for c in everything if c.review != "rejected"]
    return Gathered(judged, readings, [c for c in everything if c.review == "rejected"], orphaned, prepared.parsed)


def check(options: RunOptions, progress: Progress = _quiet, vocab: Vocabulary | None = None) -> RunResult:
    """Run every stage up to verdicts; write claim files when ``options.write``."""
    # Stage modules are imported here, not at the top, so an up-to-date run (which needs
    # none of them) starts as fast as the CLI itself.
    from pipeline.environment import describe_run_environment
    from pipeline.ingest.loader import load_sources
    from pipeline.probes import load_probes, run_probes
    from pipeline.reconcile import load_facts, reconcile
    from pipeline.records import RunResult
    from pipeline.vocab import load_vocabulary

    folders = options.folders
    vocab = vocab or load_vocabulary(folders.config("vocabulary.yaml"))
    progress("ingest")
    sources = load_sources(folders.sources)
    with long_lived():
        gathered = gather_claims(sources, vocab, options, progress)
    progress("probe")
    probes = load_probes(folders.config("probes"), vocab)
    results = run_probes(probes, python=options.python, cache_dir=folders.cache / "probes", on_progress=progress)
    progress("reconcile")
    facts = load_facts(folders.config("facts"), vocab)
    with long_lived():
        checked, contradictions = reconcile(gathered.judged, sources, results, facts, vocab, gathered.readings)
    return RunResult(
        sources=tuple(sources),
        checked=tuple(checked),
        contradictions=tuple(contradictions),
        probe_results=tuple(results),
        environment=describe_run_environment(options.python, results),
        rejected=tuple(gathered.rejected),
        orphaned=tuple(gathered.orphaned),
        articles_parsed=gathered.parsed,
    )


def summarise(result: RunResult) -> RunSummary:
    """The counts and gating rows of a finished run."""
    return RunSummary(len(result.sources), len(result.checked), tuple(gate_rows(result)))


def run(options: RunOptions, progress: Progress = _quiet) -> RunOutcome:
    """The whole pipeline: check, then write the reports; nothing at all when they are up to date."""
    folders = options.folders
    if options.write and not options.force:
        progress("checking whether anything changed")
        unchanged = read_up_to_date(folders, options.python)
        if unchanged is not None:
            return RunOutcome(unchanged, None)
    forget(folders, options.python)  # a run stopped halfway must not look finished
    result = check(options, progress)
    summary = summarise(result)
    if options.write:
        from pipeline.report import write_reports
        from pipeline.vocab import load_vocabulary

        progress("report")
        write_reports(result, folders.reports, load_vocabulary(folders.config("vocabulary.yaml")), options.jobs)
        write_stamp(folders, options.python, summary, [probe.status for probe in result.probe_results])
    return RunOutcome(summary, result)
