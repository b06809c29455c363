"""``factcheck fetch URL``: download an article into a sources folder and index it.

The page is saved as it was served (HTML stays HTML, so the loader's structure-keeping
conversion applies); ``index.yaml`` gains an entry with the title, URL, publisher and date.
Existing entries and comments in ``index.yaml`` are kept: the entry is appended as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import requests
import yaml

from pipeline.catalog.yamlio import dump_yaml, write_atomic
from pipeline.errors import E_FETCH, FactcheckError, Location
from pipeline.ingest.loader import DATE_PATTERN, INDEX_NAME, read_index

TIMEOUT_S = 20
USER_AGENT = "factcheck/0.1 (+article fact-checker)"


def slug_for(url: str) -> str:
    """A file-name-safe stem from a URL: host plus last path segment."""
    parsed = urlparse(url)
    tail = parsed.path.rstrip("/").rsplit("/", 1)[-1] or "index"
    stem = re.sub(r"[^a-z0-9]+", "-", f"{parsed.netloc}-{tail}".lower()).strip("-")
    return stem[:80] or "article"


def _title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None


def download(url: str) -> tuple[str, str]:
    """The page body and its suffix (.html or .txt); network problems become FactcheckError."""
    try:
        response = requests.get(url, timeout=TIMEOUT_S, headers={"User-Agent": USER_AGENT})
        response.raise_for_status()
    except requests.RequestException as exc:
        raise FactcheckError(E_FETCH, f"could not download {url}: {exc}", fix="check the URL and the network") from None
    content_type = response.headers.get("Content-Type", "")
    suffix = ".html" if "html" in content_type or response.text.lstrip().startswith("<") else ".txt"
    response.encoding = response.encoding or "utf-8"
    return response.text, suffix


def fetch_article(url: str, folder: Path, publisher: str | None = None, published: str | None = None) -> Path:
    """Save ``url`` into ``folder`` and append its entry to ``index.yaml``; returns the file."""
    if published is not None and not DATE_PATTERN.match(published):
        raise FactcheckError(E_FETCH, f"{published!r} is not a date", fix="write YYYY, YYYY-MM or YYYY-MM-DD")
    folder.mkdir(parents=True, exist_ok=True)
    existing = read_index(folder)
    body, suffix = download(url)
    path = folder / f"{slug_for(url)}{suffix}"
    if path.name in existing:
        raise FactcheckError(E_FETCH, f"{path.name} is already indexed", Location(folder / INDEX_NAME), "remove the entry to fetch again")
    write_atomic(path, body)
    entry = {
        "file": path.name,
        "title": _title(body) if suffix == ".html" else None,
        "publisher": publisher,
        "url": url,
        "published": published,
    }
    _append_entry(folder / INDEX_NAME, entry)
    return path


def _append_entry(index_path: Path, entry: dict[str, object]) -> None:
    """Append one entry, as text when that keeps the file valid so comments and layout survive."""
    if not index_path.exists():
        write_atomic(index_path, dump_yaml({"sources": [entry]}))
        return
    text = index_path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {"sources": []}
    entries = data.get("sources") or [] if isinstance(data, dict) else data
    item = dump_yaml([entry])
    if isinstance(data, dict):
        item = "".join(f"  {line}\n" for line in item.splitlines())
    candidate = text.rstrip("\n") + "\n" + item
    try:
        parsed = yaml.safe_load(candidate)
        parsed_entries = parsed.get("sources") if isinstance(parsed, dict) else parsed
        appended = isinstance(parsed_entries, list) and len(parsed_entries) == len(entries) + 1
    except yaml.YAMLError:
        appended = False
    if not appended:
        # e.g. a flow-style `sources: []`: rewrite the document, keeping its leading comments.
        comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        candidate = comments + dump_yaml({"sources": [*entries, entry]})
    write_atomic(index_path, candidate)
