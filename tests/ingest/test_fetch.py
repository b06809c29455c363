"""``factcheck fetch``: download from a real local HTTP server, extract, save, and index."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from pipeline.errors import FactcheckError
from pipeline.ingest.download import USER_AGENT, FetchOptions
from pipeline.ingest.fetch import fetch_article, slug_for
from pipeline.ingest.loader import load_sources, read_index

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
HTML = "text/html; charset=utf-8"


@dataclass
class Reply:
    """One canned answer of the test server."""

    body: bytes = b""
    content_type: str | None = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    declare_length: bool = True


class Site:
    """Routes of the test server; a route's replies are served in turn, the last one repeating."""

    def __init__(self, stop: threading.Event) -> None:
        self.base = ""
        self.stop = stop
        self.routes: dict[str, list[Reply]] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []

    def serve(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.base + path

    def page(self, path: str, fixture: str, content_type: str | None = HTML) -> str:
        return self.serve(path, Reply((FIXTURES / fixture).read_bytes(), content_type))

    def next_reply(self, path: str) -> Reply:
        count = self.hits.get(path, 0)
        self.hits[path] = count + 1
        replies = self.routes.get(path) or [Reply(b"not found", "text/plain", 404)]
        return replies[min(count, len(replies) - 1)]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            reply = site.next_reply(self.path)
            site.user_agents.append(self.headers.get("User-Agent", ""))
            if reply.delay_s and site.stop.wait(reply.delay_s):
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            if reply.declare_length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            try:
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up (size cap): expected

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet test output
            pass

    return Handler


@pytest.fixture()
def site() -> Iterator[Site]:
    stop = threading.Event()
    site = Site(stop)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    yield site
    stop.set()
    httpd.shutdown()
    httpd.server_close()


class Sleeps(list[float]):
    """Records the backoff waits instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture()
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture()
def fast(sleeps: Sleeps) -> FetchOptions:
    return FetchOptions(connect_timeout_s=1, read_timeout_s=0.3, max_bytes=100_000, attempts=3, backoff_s=0.5, sleep=sleeps)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "index.yaml").write_text("# my articles\nsources: []\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder (temporary files included) with its content."""
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def refused(url: str, folder: Path, options: FetchOptions, code: str) -> FactcheckError:
    before = snapshot(folder)
    with pytest.raises(FactcheckError) as caught:
        fetch_article(url, folder, options=options)
    assert caught.value.code == code, caught.value.render()
    assert "\n" not in caught.value.message and caught.value.fix
    assert snapshot(folder) == before  # nothing written, not even a temporary file
    return caught.value


def test_article_page_is_stored_indexed_and_read_back(site: Site, folder: Path, fast: FetchOptions) -> None:
    url = site.page("/blog/pytorch-2.html", "article.html")
    fetched = fetch_article(url, folder, publisher="ML Weekly", published="2023-04", options=fast)
    assert fetched.path.name == slug_for(url) + ".html" and fetched.url == url
    assert site.user_agents == [USER_AGENT] and USER_AGENT.startswith("factcheck/")
    assert (folder / "index.yaml").read_text().startswith("# my articles")
    (source,) = load_sources(folder)
    assert source.title == "PyTorch 2.0 and the road to torch.compile"  # the <h1>, without the site name
    assert (source.url, source.publisher, source.published) == (url, "ML Weekly", "2023-04")
    for kept in ("PyTorch 2.0 was released in March 2023 and introduced torch.compile", "TensorFlow 2.16 requires Python 3.9",
                 "  • JAX runs on TPUs, GPUs and CPUs.", "TensorFlow | 2015 | Google", "\nHardware\n", "By Dana Reyes"):
        assert kept in source.text
    for dropped in ("Home", "About us", "cookies", "Share on", "trackPageview", "Related posts", "All rights reserved",
                    "Skip to content", "Filed under", "dataLayer", "cookie-banner"):
        assert dropped not in source.text and dropped not in fetched.path.read_text()


def test_comment_sections_are_dropped_and_the_article_kept(site: Site, folder: Path, fast: FetchOptions) -> None:
    fetched = fetch_article(site.page("/keras-3/", "comments.html"), folder, options=fast)
    (source,) = load_sources(folder)
    assert fetched.title == source.title == "Why Keras 3 matters"
    assert "Keras 3 was released in November 2023" in source.text
    assert "\nRelated work\n" in source.text and "Keras 1, which could run on Theano" in source.text
    for dropped in ("Great post", "written by Google in 2010", "2012, right", "Disqus", "Leave a reply", "Post comment",
                    "newsletter", "Tweet this", "3 comments"):
        assert dropped not in source.text


def test_http_404_is_a_clear_error_and_writes_nothing(site: Site, folder: Path, fast: FetchOptions) -> None:
    error = refused(site.base + "/missing.html", folder, fast, "E401")
    assert "HTTP 404" in error.message and site.hits["/missing.html"] == 1  # not retried


def test_nothing_is_created_when_the_folder_is_new(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    refused(site.base + "/missing.html", tmp_path / "new", fast, "E401")
    assert not (tmp_path / "new").exists()


def test_slow_server_times_out_after_bounded_retries(site: Site, folder: Path, sleeps: Sleeps) -> None:
    url = site.serve("/slow", Reply(b"<p>late</p>", delay_s=5))
    options = FetchOptions(read_timeout_s=0.2, attempts=2, backoff_s=0.01, sleep=sleeps)
    started = time.monotonic()
    error = refused(url, folder, options, "E401")
    assert "no answer within 0.2 s" in error.message and "(2 attempts)" in error.message
    assert site.hits["/slow"] == 2 and sleeps == [0.01]
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("declare_length", [True, False], ids=["declared", "streamed"])
def test_body_over_the_cap_is_refused(site: Site, folder: Path, fast: FetchOptions, declare_length: bool) -> None:
    body = b"<html><body>" + b"<p>PyTorch runs on GPUs.</p>" * 20_000 + b"</body></html>"
    url = site.serve("/huge", Reply(body, declare_length=declare_length))
    error = refused(url, folder, fast, "E402")
    assert "0.1 MB download cap" in error.message and site.hits["/huge"] == 1


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/octet-stream"])
def test_non_text_types_are_refused(site: Site, folder: Path, fast: FetchOptions, content_type: str) -> None:
    url = site.serve("/paper", Reply(b"%PDF-1.7 \x00\x01", content_type))
    error = refused(url, folder, fast, "E402")
    assert content_type in error.message and "text/html" in error.message


def test_plain_text_is_stored_as_txt(site: Site, folder: Path, fast: FetchOptions) -> None:
    fetched = fetch_article(site.page("/notes", "notes.txt", "text/plain"), folder, title="JAX notes", options=fast)
    assert fetched.path.suffix == ".txt"
    assert fetched.path.read_bytes() == (FIXTURES / "notes.txt").read_bytes()
    (source,) = load_sources(folder)
    assert source.title == "JAX notes" and "jit compiles functions with XLA" in source.text


def test_redirect_is_followed_and_the_final_url_indexed(site: Site, folder: Path, fast: FetchOptions) -> None:
    final = site.page("/2023/04/pytorch-2", "article.html")
    short = site.serve("/p/42", Reply(status=301, headers={"Location": "/2023/04/pytorch-2"}, content_type=None))
    fetched = fetch_article(short, folder, options=fast)
    assert fetched.url == final and fetched.path.name == slug_for(final) + ".html"
    assert read_index(folder)[fetched.path.name].url == final
    error = refused(short, folder, fast, "E403")  # the same article, reached again through the short link
    assert "already indexed as " + fetched.path.name in error.message


def test_503_then_200_is_retried_with_backoff(site: Site, folder: Path, fast: FetchOptions, sleeps: Sleeps) -> None:
    page = Reply((FIXTURES / "article.html").read_bytes())
    url = site.serve("/busy", Reply(b"busy", "text/plain", 503), Reply(b"busy", "text/plain", 429, {"Retry-After": "2"}), page)
    fetched = fetch_article(url, folder, options=fast)
    assert site.hits["/busy"] == 3 and sleeps == [0.5, 2.0]  # backoff, then the server's Retry-After
    assert "torch.compile" in fetched.path.read_text()


def test_server_errors_give_up_after_the_attempts(site: Site, folder: Path, fast: FetchOptions, sleeps: Sleeps) -> None:
    url = site.serve("/down", Reply(b"oops", "text/plain", 500))
    error = refused(url, folder, fast, "E401")
    assert "HTTP 500" in error.message and "(3 attempts)" in error.message
    assert site.hits["/down"] == 3 and sleeps == [0.5, 1.0]


def test_unreachable_url_is_a_coded_error(tmp_path: Path, fast: FetchOptions) -> None:
    error = refused("http://127.0.0.1:9/none.html", tmp_path, fast, "E401")
    assert "connection failed" in error.message


@pytest.mark.parametrize("published", ["2025-13", "2024-02-30", "March 2024"])
def test_a_bad_date_is_refused_before_any_download(published: str, site: Site, folder: Path) -> None:
    with pytest.raises(FactcheckError, match="is not a date"):
        fetch_article(site.page("/dated", "article.html"), folder, published=published)
    assert "/dated" not in site.hits


@pytest.mark.parametrize("url", ["example.org/article", "ftp://example.org/a.html", "file:///etc/passwd"])
def test_non_http_urls_are_refused_before_any_download(url: str, tmp_path: Path, fast: FetchOptions) -> None:
    assert "not an http or https URL" in refused(url, tmp_path, fast, "E401").message


def test_declared_and_meta_charsets_are_decoded(site: Site, folder: Path, fast: FetchOptions) -> None:
    latin = "<html><head><title>Caf\u00e9 ML</title></head><body><p>D\u00e9j\u00e0 vu: JAX is fast.</p></body></html>"
    site.serve("/latin", Reply(latin.encode("latin-1"), "text/html; charset=ISO-8859-1"))
    meta = latin.replace("<head>", '<head><meta charset="windows-1252">')
    site.serve("/meta", Reply(meta.encode("cp1252"), "text/html"))
    for path in ("/latin", "/meta"):
        fetched = fetch_article(site.base + path, folder, options=fast)
        assert "D\u00e9j\u00e0 vu: JAX is fast." in fetched.path.read_text(encoding="utf-8")
    assert len(load_sources(folder)) == 2


def test_a_taken_file_name_gets_a_number(site: Site, folder: Path, fast: FetchOptions) -> None:
    first = fetch_article(site.page("/a/post", "article.html"), folder, options=fast)
    second = fetch_article(site.page("/b/post", "comments.html"), folder, options=fast)
    assert second.path.name == first.path.stem + "-2.html"
    assert "\n  - file: " + second.path.name + "\n    title: Why Keras 3 matters\n" in (folder / "index.yaml").read_text()
    titles = {source.file: source.title for source in load_sources(folder)}
    assert titles == {first.path.name: first.title, second.path.name: second.title}
    (folder / (first.path.stem + "-3.txt")).write_text("Keras is written in Python.\n", encoding="utf-8")
    third = fetch_article(site.page("/c/post", "article.html"), folder, options=fast)
    assert third.path.name == first.path.stem + "-4.html"  # a name taken with another extension is taken


def test_fetch_twice_is_refused(site: Site, folder: Path, fast: FetchOptions) -> None:
    url = site.page("/jax.html", "article.html")
    fetch_article(url, folder, options=fast)
    assert "already indexed" in refused(url + "#comments", folder, fast, "E403").message
    assert site.hits["/jax.html"] == 1  # refused before downloading


def test_a_page_without_text_is_refused(site: Site, folder: Path, fast: FetchOptions) -> None:
    url = site.serve("/app", Reply(b'<html><body><div id="root"></div><script>render()</script></body></html>'))
    assert "no article text" in refused(url, folder, fast, "E402").message


def test_a_broken_index_is_reported_before_downloading(site: Site, folder: Path, fast: FetchOptions) -> None:
    (folder / "index.yaml").write_text("sources:\n  - file: gone.txt\n", encoding="utf-8")
    url = site.page("/ok", "article.html")
    with pytest.raises(FactcheckError, match="gone.txt"):
        fetch_article(url, folder, options=fast)
    assert "/ok" not in site.hits


def test_slug_is_file_name_safe() -> None:
    assert slug_for("https://example.org/blog/Keras vs PyTorch?x=1") == "example-org-keras-vs-pytorch"
    assert slug_for("https://example.org/posts/jax.html") == "example-org-jax"
    assert slug_for("https://example.org/") == "example-org-index"


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=120)


def test_cli_error_exits_2_with_one_line_and_no_traceback(site: Site, tmp_path: Path) -> None:
    result = factcheck("fetch", site.base + "/missing.html", "--sources", str(tmp_path / "sources"))
    assert result.returncode == 2, result.stderr
    message, *rest = result.stderr.strip().splitlines()
    assert message.startswith("E401 could not download") and "HTTP 404" in message
    assert len(rest) == 1 and rest[0].strip().startswith("fix:")
    assert "Traceback" not in result.stderr and not (tmp_path / "sources").exists()


def test_cli_saves_and_names_the_title(site: Site, tmp_path: Path) -> None:
    url = site.page("/post", "article.html")
    result = factcheck("fetch", url, "--sources", str(tmp_path), "--title", "Torch compile", "--published", "2023")
    assert result.returncode == 0, result.stderr
    assert "saved" in result.stdout and "Torch compile" in result.stdout
    assert read_index(tmp_path)[slug_for(url) + ".html"].title == "Torch compile"
