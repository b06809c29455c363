"""Wires the stages: ingest -> extract -> catalog -> probe -> reconcile -> report.

No CLI code here; ``cli.py`` parses options and calls ``run``. Each stage is a function from
records to records, so the wiring reads as the data flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.collector import long_lived
from pipeline.gate import GateRows
from pipeline.incremental.stamp import RunSummary, forget, read_up_to_date, write_stamp
from pipeline.paths import Folders

if TYPE_CHECKING:
    from pipeline.reconcile.corpus import Corpus
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
    """The claims a run judges (stored away in ``corpus``), the ones reviewers rejected or
    orphaned, and the parse count."""

    corpus: Corpus
    rejected: list[Claim]
    orphaned: list[Claim]
    parsed: int
    staged: tuple[Path, ...] = ()  # new claim files waiting in the staging folder


def store_articles(sources: list[Source], vocab: Vocabulary, options: RunOptions, staging: Path | None, corpus: Corpus, progress: Progress) -> Gathered:
    """Each article's claims (cached or parsed) stored in ``corpus`` as it comes, reviews merged
    and new claim files staged; every article's problems raised together at the end."""
    from pipeline.articles import ArticleSetup, each_article
    from pipeline.errors import ErrorGroup, FactcheckError
    from pipeline.incremental.extraction import rules_digest

    folders = options.folders
    vocabulary = vocab.path or folders.config("vocabulary.yaml")
    setup = ArticleSetup(vocabulary, folders.claims, folders.cache / "extract", rules_digest(folders), staging, folders.sources)
    progress(f"extract: {len(sources)} article(s) with {options.jobs} job(s)")
    errors: list[FactcheckError] = []
    rejected: list[Claim] = []
    orphaned: list[Claim] = []
    staged: list[Path] = []
    parsed = 0
    for article in each_article(sources, setup, options.jobs):
        errors.extend(article.errors)
        if article.errors:
            continue
        corpus.add(article.file, [c for c in article.claims if c.review != "rejected"], dict(article.readings))
        rejected += [c for c in article.claims if c.review == "rejected"]
        orphaned += article.orphaned
        staged += [article.staged] if article.staged is not None else []
        parsed += article.parsed
    if errors:
        raise ErrorGroup(errors)  # nothing moved into place: every claim file stays as it was
    return Gathered(corpus, rejected, orphaned, parsed, tuple(staged))


def gather_claims(sources: list[Source], vocab: Vocabulary, options: RunOptions, progress: Progress) -> Gathered:
    """Extracted claims (review decisions merged, files rewritten when writing) plus curated
    ones, stored in a ``Corpus`` for judging."""
    from pipeline.catalog.claims import read_curated
    from pipeline.catalog.staging import move_into_place, staging_folder
    from pipeline.ingest.loader import SourceTexts
    from pipeline.reconcile.corpus import Corpus
    from pipeline.reconcile.lexicon import load_lexicon
    from pipeline.reconcile.reading import read_claim

    corpus = Corpus()
    if options.write:
        with staging_folder(options.folders.extracted) as staging:
            gathered = store_articles(sources, vocab, options, staging, corpus, progress)
            move_into_place(list(gathered.staged), options.folders.extracted)
    else:
        gathered = store_articles(sources, vocab, options, None, corpus, progress)
    # hand-written claims with offsets are checked against their article's text, read again here
    curated = read_curated(options.folders.curated, vocab, SourceTexts(sources, options.folders.sources))
    judged = [claim for claim in curated if claim.review != "rejected"]
    lexicon = load_lexicon()
    readings = {claim.id: read_claim(claim, vocab, lexicon) for claim in judged}
    corpus.contradiction_input.add(judged, readings)  # after every article's claims, in the files' order
    by_key: dict[str, list[Claim]] = {}
    for claim in judged:
        by_key.setdefault(claim.source, []).append(claim)
    for key, own in by_key.items():
        corpus.store(key, own, {claim.id: readings[claim.id] for claim in own})
    rejected = gathered.rejected + [claim for claim in curated if claim.review == "rejected"]
    return Gathered(corpus, rejected, gathered.orphaned, gathered.parsed)


def check(options: RunOptions, progress: Progress = _quiet, vocab: Vocabulary | None = None) -> RunResult:
    """Run every stage up to verdicts; write claim files when ``options.write``."""
    # Stage modules are imported here, not at the top, so an up-to-date run (which needs
    # none of them) starts as fast as the CLI itself.
    from pipeline.environment import describe_run_environment
    from pipeline.ingest.loader import load_sources
    from pipeline.probes import load_probes, run_probes
    from pipeline.reconcile import load_facts
    from pipeline.reconcile.corpus import judge_corpus
    from pipeline.records import RunResult
    from pipeline.vocab import load_vocabulary

    folders = options.folders
    vocab = vocab or load_vocabulary(folders.config("vocabulary.yaml"))
    progress("ingest")
    sources = load_sources(folders.sources, texts=False)  # each text is read again where it is needed
    with long_lived():
        gathered = gather_claims(sources, vocab, options, progress)
    progress("probe")
    probes = load_probes(folders.config("probes"), vocab)
    results = run_probes(probes, python=options.python, cache_dir=folders.cache / "probes", on_progress=progress)
    progress("reconcile")
    facts = load_facts(folders.config("facts"), vocab)
    with long_lived():
        checked, contradictions = judge_corpus(gathered.corpus, sources, results, facts, vocab, options.jobs)
    gathered.corpus.close()  # every verdict is in ``checked`` now
    return RunResult(
        sources=tuple(sources),
        sources_dir=folders.sources,
        checked=checked,
        contradictions=tuple(contradictions),
        probe_results=tuple(results),
        environment=describe_run_environment(options.python, results),
        rejected=tuple(gathered.rejected),
        orphaned=tuple(gathered.orphaned),
        articles_parsed=gathered.parsed,
    )


def summarise(result: RunResult) -> RunSummary:
    """The counts and gating rows of a finished run."""
    return RunSummary(len(result.sources), len(result.checked), GateRows(result.checked))


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
