"""Which platforms a package index publishes wheels for, for one release.

Speaks the simple repository API: asks for its JSON form and falls back to the HTML form.
``file://`` indexes (local mirrors) are read from disk. The configured primary index
decides; extra indexes are consulted only when the primary answers without the release,
because an extra index is often a partial mirror that would understate the platforms.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

import requests

from pipeline.records import ProbeStatus

ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
PLATFORM_PREFIXES = (
    ("manylinux", "linux"),
    ("musllinux", "linux"),
    ("linux", "linux"),
    ("macosx", "macos"),
    ("win", "windows"),
    ("android", "android"),
    ("ios", "ios"),
)
# A pure wheel ("any") installs on every desktop platform pip supports.
ANY_PLATFORM = ("linux", "macos", "windows")


class IndexUnavailableError(Exception):
    """The index could not be read, or does not list the project."""


class _AnchorCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.files.append(unquote(urlparse(href).path.rsplit("/", 1)[-1]))


def normalise_project(name: str) -> str:
    """The index's spelling of a project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def html_filenames(text: str) -> list[str]:
    """File names linked from a simple-API HTML page."""
    collector = _AnchorCollector()
    collector.feed(text)
    return collector.files


def project_filenames(index_url: str, project: str, timeout_s: float) -> list[str]:
    """The file names the index lists for ``project``; IndexUnavailableError when it cannot say."""
    url = index_url.rstrip("/") + "/" + normalise_project(project) + "/"
    if url.startswith("file:"):
        page = Path(url2pathname(urlparse(url).path)) / "index.html"
        if not page.is_file():
            raise IndexUnavailableError(f"{index_url} has no page for {project}")
        return html_filenames(page.read_text(encoding="utf-8", errors="replace"))
    try:
        response = requests.get(url, headers={"Accept": ACCEPT}, timeout=timeout_s)
    except requests.RequestException as exc:
        raise IndexUnavailableError(f"{index_url} unreachable ({type(exc).__name__})") from None
    if response.status_code != 200:
        raise IndexUnavailableError(f"{index_url} answered HTTP {response.status_code} for {project}")
    if "json" in response.headers.get("Content-Type", ""):
        try:
            files = response.json().get("files", [])
        except ValueError:
            raise IndexUnavailableError(f"{index_url} sent malformed JSON for {project}") from None
        return [entry["filename"] for entry in files if isinstance(entry, dict) and entry.get("filename")]
    return html_filenames(response.text)


SDIST_SUFFIXES = (".tar.gz", ".zip")


def _name_and_version(filename: str) -> tuple[str, str, list[str]] | None:
    """(project, version, wheel tags) of a distribution file name; None when it is neither kind."""
    if filename.endswith(".whl"):
        parts = filename[: -len(".whl")].split("-")
        return (parts[0], parts[1], parts[-1].split(".")) if len(parts) in (5, 6) else None
    for suffix in SDIST_SUFFIXES:
        if filename.endswith(suffix):
            name, _, version = filename[: -len(suffix)].rpartition("-")
            return (name, version, []) if name else None
    return None


def release_wheel_tags(filenames: list[str], project: str, version: str) -> tuple[list[str], bool]:
    """(platform tags of the release's wheels, whether it has an sdist); local labels ignored."""
    release = version.split("+", 1)[0]
    wanted = normalise_project(project)
    tags: set[str] = set()
    sdist = False
    for filename in filenames:
        parsed = _name_and_version(filename)
        if parsed is None or normalise_project(parsed[0]) != wanted or parsed[1].split("+")[0] != release:
            continue
        tags.update(parsed[2])
        sdist = sdist or not filename.endswith(".whl")
    return sorted(tags), sdist


def platforms_of(tags: list[str]) -> list[str]:
    """Operating systems named by wheel platform tags."""
    found: set[str] = set()
    for tag in tags:
        if tag == "any":
            found.update(ANY_PLATFORM)
        for prefix, platform in PLATFORM_PREFIXES:
            if tag.startswith(prefix):
                found.add(platform)
                break
    return sorted(found)


DEFAULT_INDEX_LABEL = "pip's default index"


def _redacted(observed: dict[str, Any], default_url: str | None) -> dict[str, Any]:
    """Name pip's built-in index by role, not address: reports and evidence are committed and
    shared, and the address is pip's business, not the observation's."""
    if not default_url:
        return observed

    def label(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(default_url, DEFAULT_INDEX_LABEL)
        if isinstance(value, dict):
            return {label(key): label(item) for key, item in value.items()}
        if isinstance(value, list):
            return [label(item) for item in value]
        return value

    return label(observed)


def index_platforms(found: dict[str, Any], timeout_s: float) -> tuple[ProbeStatus, dict[str, Any], str]:
    """(status, observation, reason) for what the child found (version and index URLs)."""
    default_url = found.get("index_url") if found.get("index_source") == "pip default" else None
    status, observed, reason = _index_platforms(found, timeout_s)
    return status, _redacted(observed, default_url), _redacted({"r": reason}, default_url)["r"]


def _index_platforms(found: dict[str, Any], timeout_s: float) -> tuple[ProbeStatus, dict[str, Any], str]:
    observed = dict(found)
    project, version = found["distribution"], found["version"]
    if not found.get("index_url"):
        return "unverifiable", observed, f"no package index configured ({found.get('index_source')})"
    attempts: dict[str, str] = {}
    for position, index_url in enumerate([found["index_url"], *found.get("extra_index_urls", [])]):
        try:
            tags, sdist = release_wheel_tags(project_filenames(index_url, project, timeout_s), project, version)
        except IndexUnavailableError as exc:
            attempts[index_url] = str(exc)
            if position == 0:
                observed["attempts"] = attempts
                return "unverifiable", observed, f"package index not available: {exc}"
            continue
        if tags or sdist:
            observed.update(answered_by=index_url, platform_tags=tags, sdist=sdist, platforms=platforms_of(tags))
            return "ok", observed, ""
        attempts[index_url] = f"no files for release {version.split('+')[0]}"
    observed["attempts"] = attempts
    return "unverifiable", observed, f"no index lists release {version} of {project}"
