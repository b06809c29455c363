"""Bounded HTTP download of one article page, for ``factcheck fetch``.

Every limit is explicit: connect and read timeouts plus a total deadline, a size cap checked
while the body streams in (so a huge or endless body stops at the cap), at most
``attempts`` tries with exponential backoff for connection errors, timeouts, HTTP 429 and
5xx (``Retry-After`` honoured up to ``max_wait_s``), and at most ``MAX_REDIRECTS``
redirects. Only HTML, XHTML, plain text and Markdown are accepted; other types are refused
from the headers, before the body is read. Text is decoded with its byte-order mark, the
declared charset (header, then ``<meta>``), UTF-8, then the detected encoding, in that order.
"""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlparse

import requests
from requests.compat import chardet

from pipeline.errors import E_FETCH, E_FETCH_REFUSED, FactcheckError

# Names the tool so site owners can tell what fetched a page.
USER_AGENT = "factcheck/0.1 (article fact-checker; downloads one page on request)"
MAX_REDIRECTS = 10
CHUNK_BYTES = 16 * 1024
ACCEPTED_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
ACCEPT_HEADER = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7"
NETWORK_FIX = "check the URL and the network"
SLOW_FIX = "the site is slow, busy or down; try again later"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one download; tests pass short timeouts and a no-op ``sleep``."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    total_timeout_s: float = 120.0  # the read timeout alone lets a trickling server run forever
    max_bytes: int = 5_000_000
    attempts: int = 3
    backoff_s: float = 1.0  # waits 1 s, then 2 s, ... between attempts
    max_wait_s: float = 30.0
    sleep: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class Page:
    """A downloaded page: the final URL after redirects, its decoded text and file suffix."""

    url: str
    text: str
    suffix: str

    @property
    def is_html(self) -> bool:
        return self.suffix == ".html"


class _Transient(Exception):
    """A failure worth retrying: a timeout, a dropped connection, HTTP 429 or 5xx."""

    def __init__(self, reason: str, fix: str, wait_s: float | None = None) -> None:
        super().__init__(reason)
        self.fix = fix
        self.wait_s = wait_s


def check_url(url: str) -> None:
    """Refuse what is not an http(s) URL before any network use."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        message = f"{url!r} is not an http or https URL"
        raise FactcheckError(E_FETCH, message, fix="pass a full URL such as https://example.org/article")


def download(url: str, options: FetchOptions = FetchOptions()) -> Page:
    """Download ``url``, retrying transient failures; every failure is a FactcheckError."""
    check_url(url)
    with requests.Session() as session:
        session.headers.update({"User-Agent": USER_AGENT, "Accept": ACCEPT_HEADER})
        session.max_redirects = MAX_REDIRECTS
        for attempt in range(1, options.attempts + 1):
            try:
                return _download_once(session, url, options)
            except _Transient as problem:
                if attempt >= options.attempts:
                    tries = f" ({attempt} attempts)" if attempt > 1 else ""
                    raise FactcheckError(E_FETCH, f"could not download {url}: {problem}{tries}", fix=problem.fix) from None
                wait = options.backoff_s * 2 ** (attempt - 1)
                options.sleep(min(max(wait, problem.wait_s or 0.0), options.max_wait_s))
    raise FactcheckError(E_FETCH, f"could not download {url}: no attempt allowed", fix="set attempts to 1 or more")


def _download_once(session: requests.Session, url: str, options: FetchOptions) -> Page:
    started = time.monotonic()
    try:
        response = session.get(url, stream=True, timeout=(options.connect_timeout_s, options.read_timeout_s))
    except requests.ConnectTimeout:
        raise _Transient(f"no connection within {options.connect_timeout_s:g} s", NETWORK_FIX) from None
    except requests.Timeout:
        raise _Transient(f"no answer within {options.read_timeout_s:g} s", SLOW_FIX) from None
    except requests.TooManyRedirects:
        message = f"{url} redirects more than {MAX_REDIRECTS} times"
        raise FactcheckError(E_FETCH, message, fix="open the URL in a browser and pass the address it ends at") from None
    except requests.ConnectionError as exc:
        raise _Transient(f"connection failed ({_reason(exc)})", NETWORK_FIX) from None
    except requests.RequestException as exc:
        raise FactcheckError(E_FETCH, f"could not download {url}: {_reason(exc)}", fix="check the URL") from None
    with response:
        _check_status(response, url)
        suffix, charset = _content_type(response)
        body = _read_capped(response, options, started)
    _refuse_binary(body, response.url)
    if suffix is None:  # no Content-Type header: judge by the bytes
        suffix = _sniff(body)
    elif suffix == ".txt" and response.url.lower().endswith((".md", ".markdown")):
        suffix = ".md"  # raw Markdown is often served as text/plain
    return Page(url=response.url, text=decode(body, charset, suffix == ".html"), suffix=suffix)


def _check_status(response: requests.Response, url: str) -> None:
    status = response.status_code
    if status < 400:
        return
    said = f"the server answered HTTP {status} {response.reason or ''}".rstrip()
    if status == 429 or status >= 500:
        retry_after = response.headers.get("Retry-After", "")
        wait = float(retry_after) if retry_after.strip().isdigit() else None
        raise _Transient(said, SLOW_FIX, wait)
    if status in (401, 403):
        fix = "the page needs a login or blocks downloads; save it from a browser into the sources folder by hand"
    else:
        fix = "check the URL; open it in a browser to see whether the page moved"
    raise FactcheckError(E_FETCH, f"could not download {url}: {said}", fix=fix)


def _content_type(response: requests.Response) -> tuple[str | None, str | None]:
    """The file suffix for the declared type (None when undeclared) and the declared charset."""
    header = response.headers.get("Content-Type", "")
    mime, *params = [part.strip() for part in header.split(";")]
    mime = mime.lower()
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in params if p.lower().startswith("charset=")), None)
    if not mime:
        return None, charset
    if mime not in ACCEPTED_TYPES:
        accepted = ", ".join(ACCEPTED_TYPES)
        raise FactcheckError(
            E_FETCH_REFUSED,
            f"{response.url} is {mime}, not an article page (accepted: {accepted})",
            fix="fetch the HTML page of the article, or convert the file to text and add it to the sources folder by hand",
        )
    return ACCEPTED_TYPES[mime], charset


def _too_large(url: str, options: FetchOptions) -> FactcheckError:
    cap = f"{options.max_bytes / 1_000_000:g} MB"
    return FactcheckError(
        E_FETCH_REFUSED,
        f"{url} is larger than the {cap} download cap",
        fix="check that the URL is a single article; save very long pages by hand into the sources folder",
    )


def _read_capped(response: requests.Response, options: FetchOptions, started: float) -> bytes:
    """The body, stopping as soon as it passes the cap (the size is counted after decompression)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_large(response.url, options)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(chunk_size=CHUNK_BYTES):
            size += len(chunk)
            if size > options.max_bytes:
                raise _too_large(response.url, options)
            if time.monotonic() - started > options.total_timeout_s:
                raise _Transient(f"the download took longer than {options.total_timeout_s:g} s", SLOW_FIX)
            chunks.append(chunk)
    except requests.RequestException as exc:  # a read timeout or a dropped connection mid-body
        raise _Transient(f"the connection broke while reading ({_reason(exc)})", SLOW_FIX) from None
    return b"".join(chunks)


def _refuse_binary(body: bytes, url: str) -> None:
    """NUL bytes mean binary data (whatever the header says), unless the text is UTF-16."""
    if b"\x00" in body and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        message = f"{url} is binary data, not an article page"
        raise FactcheckError(E_FETCH_REFUSED, message, fix="fetch the HTML page of the article")


def _sniff(body: bytes) -> str:
    return ".html" if re.search(rb"<(!doctype html|html|head|body|p|h1)[\s>]", body[:2048], re.IGNORECASE) else ".txt"


def decode(body: bytes, charset: str | None, is_html: bool) -> str:
    """Text from bytes: BOM, declared charset, <meta> charset, UTF-8, detected encoding; newlines normalised."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return _normalise(body.decode(name, errors="replace"))
    meta = META_CHARSET.search(body[:4096]) if is_html else None
    candidates = [charset, meta.group(1).decode("ascii") if meta else None, "utf-8", chardet.detect(body).get("encoding")]
    for name in candidates:
        if not name:
            continue
        try:
            return _normalise(body.decode(name))
        except (LookupError, UnicodeDecodeError):
            continue  # an unknown or wrong declaration: try the next candidate
    return _normalise(body.decode("utf-8", errors="replace"))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _reason(exc: Exception) -> str:
    """A short, one-line reason from a requests exception (whose text nests several layers)."""
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if errno:
        return errno.group(1).strip()
    if "NameResolution" in text or "getaddrinfo" in text:
        return "host name not found"
    return type(exc).__name__
