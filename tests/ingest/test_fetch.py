"""``factcheck fetch``: download from a real local HTTP server, save, and index."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from pipeline.errors import FactcheckError
from pipeline.ingest.fetch import fetch_article, slug_for
from pipeline.ingest.loader import load_sources

PAGE = "<html><head><title>JAX in 2025</title></head><body><h1>JAX</h1><p>JAX runs on TPUs.</p></body></html>"


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "jax.html").write_text(PAGE, encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_saves_page_and_appends_index_entry(server: str, tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "index.yaml").write_text("# my articles\nsources: []\n", encoding="utf-8")
    path = fetch_article(f"{server}/jax.html", folder, publisher="Local", published="2025-01")
    assert path.suffix == ".html"
    index_text = (folder / "index.yaml").read_text()
    assert index_text.startswith("# my articles")
    (source,) = load_sources(folder)
    assert source.title == "JAX in 2025" and source.published == "2025-01" and source.publisher == "Local"
    assert "JAX runs on TPUs." in source.text


def test_fetch_twice_is_refused(server: str, tmp_path: Path) -> None:
    fetch_article(f"{server}/jax.html", tmp_path)
    with pytest.raises(FactcheckError, match="already indexed"):
        fetch_article(f"{server}/jax.html", tmp_path)


def test_unreachable_url_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError) as caught:
        fetch_article("http://127.0.0.1:9/none.html", tmp_path)
    assert caught.value.code == "E401"


def test_slug_is_file_name_safe() -> None:
    assert slug_for("https://example.org/blog/Keras vs PyTorch?x=1") == "example-org-keras-vs-pytorch"
