"""The index of a large corpus: summaries on ``index.md``, every article on listing pages.

Up to SOURCES_ON_INDEX articles, ``index.md`` has a row per article, as it always had. Past
that the table would run to thousands of rows, so the index summarises instead: verdicts by
year of publication, the articles with the most refuted or outdated claims, the statements
refuted in the most articles, and the most contested topics. Every article is still listed,
SOURCES_PER_PAGE rows to a page, in ``sources/index-NNN.md`` (next to the per-source pages,
so a page no longer produced is removed with them).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import VERDICT_LABELS
from pipeline.report.charts import verdict_bars
from pipeline.report.data import BADGES, Page, ReportData
from pipeline.report.summary import WRONG, Tally
from pipeline.report.markdown import cell, checkable_note, footer, holds_text, table, truncate

SOURCES_ON_INDEX = 200
SOURCES_PER_PAGE = 200
TOP_ROWS = 15
VERDICT_COLUMNS = [BADGES[label] for label in VERDICT_LABELS]
SOURCE_HEADERS = ["Source", "Publisher", "Published", "Claims", *VERDICT_COLUMNS, "Holds"]
SOURCE_NUMERIC = range(3, 3 + 2 + len(VERDICT_LABELS))


def is_large(data: ReportData) -> bool:
    """True when the index summarises rather than listing every article."""
    return len(data.pages) > SOURCES_ON_INDEX


def source_row(data: ReportData, page: Page, prefix: str) -> list[str]:
    """An article's row: link, publisher, date, claims, verdict counts and the holds share."""
    tally = data.summary.page(page.key)
    counts = tally.counts
    source = page.source
    return [
        f"[{cell(page.title)}]({prefix}{page.slug}.md)",
        cell(source.publisher or "—") if source else "curated",
        cell(source.published or "—") if source else "—",
        str(tally.count), *(str(counts[label]) for label in VERDICT_LABELS), holds_text(counts),
    ]  # fmt: skip


def listing_name(number: int) -> str:
    """The file name of listing page ``number`` (1-based), inside ``sources/``."""
    return f"index-{number:03d}.md"


def _chunks(data: ReportData) -> list[tuple[Page, ...]]:
    pages = data.pages
    return [pages[start : start + SOURCES_PER_PAGE] for start in range(0, len(pages), SOURCES_PER_PAGE)]


def _listing_page(data: ReportData, number: int, chunk: tuple[Page, ...], total: int) -> str:
    first = (number - 1) * SOURCES_PER_PAGE + 1
    nav = ["[← Summary](../index.md)"]
    if number > 1:
        nav.append(f"[← Page {number - 1}]({listing_name(number - 1)})")
    if number < total:
        nav.append(f"[Page {number + 1} →]({listing_name(number + 1)})")
    lines = [f"# All sources, page {number} of {total}", "", " · ".join(nav), ""]
    lines += [f"Articles {first:,}–{first + len(chunk) - 1:,} of {len(data.pages):,}, by file name.", ""]
    lines += table(SOURCE_HEADERS, [source_row(data, page, "") for page in chunk], numeric=SOURCE_NUMERIC)
    return "\n".join(lines + ["", checkable_note()] + footer("../"))


def write_listing(data: ReportData, folder: Path) -> list[Path]:
    """The listing pages of a large corpus (none for a small one); returns the files written."""
    if not is_large(data):
        return []
    chunks = _chunks(data)
    written = []
    for number, chunk in enumerate(chunks, start=1):
        path = folder / "sources" / listing_name(number)
        write_atomic(path, _listing_page(data, number, chunk, len(chunks)))
        written.append(path)
    return written


def _by_year(data: ReportData) -> list[str]:
    """Verdict counts per year of publication, as a table and a chart."""
    years: dict[str, list[Page]] = defaultdict(list)
    for page in data.pages:
        published = page.source.published if page.source else None
        years[published[:4] if published else "—"].append(page)
    rows, labels, counts = [], [], []
    for year in sorted(years):
        tallies = [data.summary.page(page.key) for page in years[year]]
        found = {label: sum(tally.verdicts.get(label, 0) for tally in tallies) for label in VERDICT_LABELS}
        claims = sum(tally.count for tally in tallies)
        rows.append([year, str(len(years[year])), str(claims), *(str(found[label]) for label in VERDICT_LABELS), holds_text(found)])
        labels.append(year)
        counts.append(found)
    headers = ["Published", "Articles", "Claims", *VERDICT_COLUMNS, "Holds"]
    lines = ["### Verdicts by year of publication", "", *table(headers, rows, numeric=range(1, 4 + len(VERDICT_LABELS)))]
    return lines + ["", *verdict_bars(labels, counts), ""]


def _most_wrong(data: ReportData) -> list[str]:
    """The articles with the most refuted or outdated claims."""
    def wrong(page: Page) -> int:
        counts = data.summary.page(page.key).verdicts
        return sum(counts.get(label, 0) for label in WRONG)

    top = sorted(data.pages, key=lambda page: (-wrong(page), page.key))[:TOP_ROWS]
    lines = [f"### The {len(top)} articles with the most refuted or outdated claims", ""]
    return lines + table(SOURCE_HEADERS, [source_row(data, page, "sources/") for page in top], numeric=SOURCE_NUMERIC) + [""]


def _statement_rows(data: ReportData, groups: dict[tuple[str, ...], Tally]) -> list[list[str]]:
    ranked = sorted(groups.items(), key=lambda pair: (-pair[1].articles, pair[0]))[:TOP_ROWS]
    rows = []
    for key, tally in ranked:
        example = tally.first.claim  # type: ignore[union-attr]  # a group exists once a claim is in it
        link = f"[{cell(data.where(example, 40))}]({data.claim_href(example, 'sources/')})"
        framework = f"[{cell(data.subject_name(key[0]))}](frameworks/{key[0]}.md#{key[1]})"
        rows.append([framework, key[1], *(cell(truncate(part, 40)) for part in key[2:]), str(tally.count), str(tally.articles), link])
    return rows


def _repeated(data: ReportData) -> list[str]:
    """The statements refuted or outdated in the most articles, and the most contested topics."""
    wrong = {(*key[:3], f"{BADGES[key[3]]} {key[3]}"): tally for key, tally in data.summary.wrong.items()}
    contested = data.summary.contested
    lines = ["### Statements refuted or outdated in the most articles", ""]
    headers = ["Framework", "Attribute", "Stated", "Verdict", "Claims", "Articles", "Example"]
    lines += table(headers, _statement_rows(data, wrong), numeric=(4, 5)) if wrong else ["None."]
    lines += ["", "### Most contested topics", ""]
    headers = ["Framework", "Attribute", "Claims", "Articles", "Example"]
    lines += table(headers, _statement_rows(data, contested), numeric=(2, 3)) if contested else ["None."]
    return lines + [""]


def summary_sections(data: ReportData) -> list[str]:
    """The index's Sources section for a large corpus."""
    chunks = _chunks(data)
    links = " · ".join(f"[{number}](sources/{listing_name(number)})" for number in range(1, len(chunks) + 1))
    total = data.summary.total.counts
    intro = (
        f"{len(data.pages):,} sources, too many to list here: every one is listed with its verdict counts, "
        f"{SOURCES_PER_PAGE} to a page, on pages {links}. All sources together: {data.summary.total.count:,} claims, "
        f"holds {holds_text(total)}."
    )
    lines = ["## Sources", "", intro, "", checkable_note(), ""]
    return lines + _by_year(data) + _most_wrong(data) + _repeated(data)
