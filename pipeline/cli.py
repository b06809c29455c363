"""The ``factcheck`` command line: parse options, call the pipeline, map errors to exit codes.

Exit codes (docs/ERRORS.md): 0 success; 1 the run found verdicts named by ``--fail-on``;
2 a user error (bad YAML, unreadable article, missing folder or model, unwritable reports
folder), printed as a coded, located message; 130 interrupted with Ctrl-C.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from pipeline.errors import EXIT_INTERRUPTED, EXIT_USER_ERROR, FactcheckError, InterruptedAfterWrite
from pipeline.paths import Folders

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Fact-check articles about deep-learning frameworks.")
err = Console(stderr=True)
out = Console()

SOURCES = typer.Option(None, "--sources", help="Folder of articles (default: sources/).")
CLAIMS = typer.Option(None, "--claims", help="Claims folder (default: claims/).")
REPORTS = typer.Option(None, "--reports", help="Reports folder (default: reports/).")
PYTHON = typer.Option(None, "--python", help="Interpreter whose installed frameworks are probed.")


def _folders(sources: Optional[Path], claims: Optional[Path], reports: Optional[Path]) -> Folders:
    default = Folders()
    return Folders(sources=sources or default.sources, claims=claims or default.claims, reports=reports or default.reports)


@app.command()
def run(
    sources: Optional[Path] = SOURCES,
    claims: Optional[Path] = CLAIMS,
    reports: Optional[Path] = REPORTS,
    python: Optional[str] = PYTHON,
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Comma-separated verdicts that make the run exit 1."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="A previous claims.json: fail only on new or flipped verdicts."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes: articles (parsed with one spaCy pipeline each, reviews merged, claim files written) and report formats."),
    force: bool = typer.Option(False, "--force", help="Run every stage and rewrite the reports even when nothing changed (unchanged articles and probes still come from their caches)."),
) -> None:
    """Run the whole pipeline: ingest, extract, probe, reconcile, report."""
    from pipeline.gate import gate_failures, parse_fail_on
    from pipeline.run import RunOptions, run as run_pipeline

    from pipeline.catalog.yamlio import check_writable

    parse_fail_on(fail_on)  # a typo in --fail-on is reported before the run, not after
    folders = _folders(sources, claims, reports)
    for folder in (folders.reports, folders.extracted):  # likewise an unwritable output folder
        check_writable(folder)
    options = RunOptions(folders=folders, python=python, jobs=jobs, force=force)
    with err.status("starting") as status:
        outcome = run_pipeline(options, progress=lambda stage: status.update(stage))
    summary = outcome.summary
    state = "up to date, nothing changed since the last run" if outcome.result is None else "written"
    out.print(f"{summary.claims} claims from {summary.sources} sources; reports in {folders.reports} ({state})")
    if outcome.result is not None and outcome.result.orphaned:
        from pipeline.catalog.review import orphan_notice

        for line in orphan_notice(outcome.result.orphaned, folders.extracted):
            err.print(line, markup=False, highlight=False, soft_wrap=True)
    failures = gate_failures(summary.rows, fail_on, baseline)
    for line in failures:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(1)


@app.command()
def review(
    claims: Optional[Path] = CLAIMS,
    sources: Optional[Path] = SOURCES,
    source: Optional[str] = typer.Option(None, "--source", help="Only this article (file name in the sources folder)."),
    show_all: bool = typer.Option(False, "--all", help="List every extracted claim with its review status."),
) -> None:
    """List extracted claims still waiting for review, with review counts per article."""
    from pipeline.catalog.review import review_folders

    text = review_folders(_folders(sources, claims, None), source, show_all)
    out.print(text, markup=False, highlight=False, soft_wrap=True)


@app.command()
def probe(
    only: Optional[list[str]] = typer.Option(None, "--only", help="Run only this probe id (repeatable)."),
    python: Optional[str] = PYTHON,
    claims: Optional[Path] = CLAIMS,
) -> None:
    """Run the probes alone and print what they observed."""
    from pipeline.probes import load_probes, render_probe_table, run_probes
    from pipeline.vocab import load_vocabulary

    folders = _folders(None, claims, None)
    probes = load_probes(folders.config("probes"), load_vocabulary(folders.config("vocabulary.yaml")))
    with err.status("probing") as status:
        results = run_probes(probes, python=python, cache_dir=folders.cache / "probes", only=only, on_progress=status.update)
    out.print(render_probe_table(results))


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Folder of labelled claim files."),
    sources: Optional[Path] = SOURCES,
    claims: Optional[Path] = CLAIMS,
    python: Optional[str] = PYTHON,
    verdicts: bool = typer.Option(True, "--verdicts/--no-verdicts", help="Also judge verdicts (runs probes)."),
    limit: int = typer.Option(40, help="How many misses and false positives to list."),
) -> None:
    """Compare extracted claims and verdicts with labelled ones: precision, recall, F1, accuracy."""
    from pipeline.evaluate import evaluate_folder, render_evaluation

    evaluation = evaluate_folder(gold, _folders(sources, claims, None), python, verdicts)
    out.print(render_evaluation(evaluation, limit), markup=False, highlight=False, soft_wrap=True)


@app.command()
def bench(
    sources: Optional[Path] = SOURCES,
    figures: str = typer.Option(
        "extraction,warm,probes,scale", "--figures", help="Comma-separated figures: extraction, warm, probes, scale."
    ),
    articles: str = typer.Option("100,1000", "--articles", help="Corpus sizes for the scale figures, e.g. 100,1000,10000."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Worker processes for the --jobs speed-up (1 skips it)."),
    repeats: int = typer.Option(3, help="Timed repetitions of the extraction and warm figures, and pairs of scale runs for the --jobs speed-up; the best or median counts."),
    python: Optional[str] = PYTHON,
) -> None:
    """Measure the performance figures and print each next to its target."""
    from pipeline.bench.command import parse_figures, parse_sizes, run_figures

    chosen, sizes = parse_figures(figures), parse_sizes(articles)
    with err.status("bench") as status:
        for text in run_figures(_folders(sources, None, None), chosen, sizes, jobs, repeats, python, status.update):
            out.print(text + "\n", markup=False, highlight=False, soft_wrap=True)


@app.command()
def schema() -> None:
    """Print the JSON schema of the records."""
    from pipeline.schema import records_schema

    out.print_json(json.dumps(records_schema()))


@app.command()
def fetch(
    url: str = typer.Argument(..., help="Article URL (http or https)."),
    sources: Optional[Path] = SOURCES,
    publisher: Optional[str] = typer.Option(None, help="Publisher name for index.yaml."),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY[-MM[-DD]]."),
    title: Optional[str] = typer.Option(None, help="Title for index.yaml (default: the page's <h1> or <title>)."),
) -> None:
    """Download an article (its main text only) into the sources folder and add it to index.yaml."""
    from pipeline.ingest.fetch import fetch_article

    folder = _folders(sources, None, None).sources
    fetched = fetch_article(url, folder, publisher=publisher, published=published, title=title)
    moved = f" (redirected to {fetched.url})" if fetched.url != url else ""
    titled = f": {fetched.title}" if fetched.title else ""
    out.print(f"saved {fetched.path}{moved}{titled}", markup=False, highlight=False, soft_wrap=True)


def _interrupted(message: str = "interrupted; previous reports are intact") -> None:
    # True because every write is atomic and reports are moved into place all together.
    err.print(message, markup=False, highlight=False)
    sys.exit(EXIT_INTERRUPTED)


def _ignore_ctrl_c_while_exiting() -> None:
    # The work is done; Python restores the default SIGINT action while it shuts down, so a
    # late Ctrl-C would kill the process with no message and a signal status instead of 0.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    """Entry point: run the app, printing user errors and Ctrl-C without a traceback."""
    try:
        # Without standalone mode, click returns (not raises) the code of typer.Exit; typer
        # turns Ctrl-C into that code too.
        code = app(standalone_mode=False) or 0
        if code == EXIT_INTERRUPTED:
            _interrupted()
        _ignore_ctrl_c_while_exiting()
        sys.exit(code)
    except FactcheckError as error:
        err.print(error.render(), markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_USER_ERROR)
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except InterruptedAfterWrite:
        _interrupted("interrupted after the new reports were written")
    except Exception as exc:  # click's usage errors
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            _interrupted()
        raise
