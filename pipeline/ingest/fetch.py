"""``factcheck fetch URL``: download an article into a sources folder and index it.

The download itself is bounded (``download.py``). HTML is reduced to its article
(``article.py``) and stored as a minimal HTML document, so the loader's structure-keeping
conversion applies; text and Markdown are stored as served, in UTF-8.

Decisions:

- Redirects are followed and ``index.yaml`` records the final URL, where the text was read
  from, so reports cite the article itself rather than a short or tracking link.
- A URL already in ``index.yaml`` (as requested or after redirects) is refused, so an
  article is never counted twice. A different article whose file name is taken (with any
  extension) gets a numbered name (``-2``, ``-3``), so no file is ever overwritten.
- Nothing is written unless everything succeeded: the index is checked and the new
  ``index.yaml`` text prepared before writing; the article file is written first, then the
  index, each atomically, and the file is removed again if the index cannot be written.
  Existing entries and comments in ``index.yaml`` are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import yaml

from pipeline.catalog.yamlio import check_writable, read_text_file, write_atomic
from pipeline.errors import E_FETCH, E_FETCH_DUPLICATE, E_FETCH_REFUSED, FactcheckError, Location
from pipeline.ingest.article import extract_article
from pipeline.ingest.download import FetchOptions, Page, check_url, download
from pipeline.ingest.loader import DATE_PATTERN, INDEX_NAME, IndexEntry, read_index

PAGE_SUFFIXES = re.compile(r"\.(html?|xhtml|php|aspx?|jsp|md|markdown|txt)$", re.IGNORECASE)


@dataclass(frozen=True)
class Fetched:
    """What ``fetch_article`` stored: the file, the final URL and the indexed title."""

    path: Path
    url: str
    title: str | None


def slug_for(url: str) -> str:
    """A file-name-safe stem from a URL: host plus last path segment, without its extension."""
    parsed = urlparse(url)
    tail = PAGE_SUFFIXES.sub("", parsed.path.rstrip("/").rsplit("/", 1)[-1]) or "index"
    stem = re.sub(r"[^a-z0-9]+", "-", f"{parsed.netloc}-{tail}".lower()).strip("-")
    return stem[:80].rstrip("-") or "article"


def fetch_article(
    url: str,
    folder: Path,
    publisher: str | None = None,
    published: str | None = None,
    title: str | None = None,
    options: FetchOptions = FetchOptions(),
) -> Fetched:
    """Save the article at ``url`` into ``folder`` and append its entry to ``index.yaml``."""
    _check_date(published)
    check_url(url)
    check_writable(folder)  # an unusable folder is reported before anything is downloaded
    existing = read_index(folder)  # a broken index is reported before anything is downloaded
    _refuse_indexed(url, existing, folder)
    page = download(url, options)
    _refuse_indexed(page.url, existing, folder)
    document, page_title = _document(page)
    path = _free_path(folder, slug_for(page.url), page.suffix, existing)
    entry = {
        "file": path.name,
        "title": title or page_title,
        "publisher": publisher,
        "url": page.url,
        "published": published,
    }
    index_path = folder / INDEX_NAME
    _write_both(path, document, index_path, _index_text(index_path, entry))
    return Fetched(path=path, url=page.url, title=title or page_title)


def _check_date(published: str | None) -> None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    if published is None:
        return
    try:
        valid = bool(DATE_PATTERN.match(published)) and bool(date.fromisoformat((published + "-01-01")[:10]))
    except ValueError:
        valid = False
    if not valid:
        message = f"--published {published!r} is not a date"
        raise FactcheckError(E_FETCH, message, fix="write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-03")


def _same_url(first: str, second: str) -> bool:
    """Equal up to the fragment and a trailing slash, which name the same page."""
    return urldefrag(first).url.rstrip("/") == urldefrag(second).url.rstrip("/")


def _refuse_indexed(url: str, existing: dict[str, IndexEntry], folder: Path) -> None:
    for entry in existing.values():
        if entry.url and _same_url(entry.url, url):
            raise FactcheckError(
                E_FETCH_DUPLICATE,
                f"{url} is already indexed as {entry.file}",
                Location(folder / INDEX_NAME),
                "remove that entry and its file to fetch the article again",
            )


def _document(page: Page) -> tuple[str, str | None]:
    """The text to store and the page's own title (HTML only)."""
    if not page.is_html:
        if not page.text.strip():
            raise FactcheckError(E_FETCH_REFUSED, f"{page.url} is empty", fix="check the URL")
        return page.text, None
    article = extract_article(page.text, page.url)
    if not article.text_length:
        raise FactcheckError(
            E_FETCH_REFUSED,
            f"no article text found in {page.url}",
            fix="the page may build its text with JavaScript; save it from a browser into the sources folder",
        )
    return article.html, article.title


def _free_path(folder: Path, stem: str, suffix: str, existing: dict[str, IndexEntry]) -> Path:
    """The first of ``stem``, ``stem-2``, ... that no indexed or present file uses, whatever its
    extension: two articles differing only in extension would share one claim file."""
    names = [*existing, *(path.name for path in folder.iterdir())] if folder.is_dir() else list(existing)
    taken = {name.rsplit(".", 1)[0] for name in names}
    for number in range(1, 1000):
        candidate = stem if number == 1 else f"{stem}-{number}"
        if candidate not in taken:
            return folder / f"{candidate}{suffix}"
    raise FactcheckError(E_FETCH, f"no free file name for {stem}{suffix}", Location(folder), "tidy up the sources folder")


def _write_both(path: Path, document: str, index_path: Path, index_text: str) -> None:
    """The article, then the index (each atomic); if the index fails, the article goes again."""
    write_atomic(path, document)
    try:
        write_atomic(index_path, index_text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


class _IndexDumper(yaml.SafeDumper):
    """Indents list items under their key (``sources:`` / ``  - file:``), as the shipped index does."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(data: object) -> str:
    """Block-style YAML, one field per line, as people write index.yaml by hand."""
    return yaml.dump(data, Dumper=_IndexDumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _index_text(index_path: Path, entry: dict[str, object]) -> str:
    """The new ``index.yaml``: the entry appended as text when that keeps the file valid, so
    comments and layout survive; otherwise the document rewritten with its leading comments."""
    if not index_path.exists():
        return _dump({"sources": [entry]})
    text = read_text_file(index_path)
    data = yaml.safe_load(text)
    if data is None:  # empty, or comments only
        return text.rstrip("\n") + ("\n" if text.strip() else "") + _dump({"sources": [entry]})
    entries = (data.get("sources") or []) if isinstance(data, dict) else data
    wanted = [*entries, entry]
    item = _dump([entry])
    if isinstance(data, dict):
        items = re.search(r"^( *)- ", text, re.MULTILINE)  # follow the file's own list indentation
        indent = items.group(1) if items else "  "
        item = "".join(f"{indent}{line}\n" for line in item.splitlines())
    candidate = text.rstrip("\n") + "\n" + item
    try:
        parsed = yaml.safe_load(candidate)
        appended = (parsed.get("sources") if isinstance(parsed, dict) else parsed) == wanted
    except yaml.YAMLError:
        appended = False
    if appended:
        return candidate
    # e.g. a flow-style `sources: []`: rewrite the document, keeping its leading comments.
    comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    return comments + _dump({**data, "sources": wanted} if isinstance(data, dict) else wanted)
