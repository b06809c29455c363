"""The platforms probe reads a package index: JSON or HTML simple API, local mirrors, and an
unreachable index, which makes the result unverifiable rather than an error. No test here
touches a public index: each one points the probe at a local server, folder or dead port."""

from __future__ import annotations

import importlib.metadata
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest

from pipeline.probes import run_probes
from pipeline.probes.index import platforms_of, release_wheel_tags

DISTRIBUTION = "pyyaml"
VERSION = importlib.metadata.version(DISTRIBUTION)
WHEELS = [
    f"PyYAML-{VERSION}-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    f"PyYAML-{VERSION}-cp311-cp311-win_amd64.whl",
    f"PyYAML-{VERSION}.tar.gz",
    "PyYAML-1.0-cp27-cp27m-macosx_10_9_x86_64.whl",  # another release: must not count
]


def index_probe(params: str = "", env: str = "") -> str:
    return f"""
probes:
  - id: test.platforms
    subject: keras
    attribute: platforms
    kind: index_wheel_tags.v1
    description: platforms of the test distribution on a test index
    params: {{distribution: {DISTRIBUTION}{params}}}
    timeout: 60
{env}"""


class _IndexHandler(BaseHTTPRequestHandler):
    answer_json = True

    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        if self.path.rstrip("/").rsplit("/", 1)[-1] != DISTRIBUTION:
            self.send_error(404)
            return
        if self.answer_json and "application/vnd.pypi.simple.v1+json" in self.headers.get("Accept", ""):
            body = json.dumps({"name": DISTRIBUTION, "files": [{"filename": name} for name in WHEELS]}).encode()
            content_type = "application/vnd.pypi.simple.v1+json"
        else:
            body = "".join(f'<a href="../../files/{name}#sha256=0">{name}</a>' for name in WHEELS).encode()
            content_type = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=[True, False], ids=["json", "html"])
def local_index(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("Handler", (_IndexHandler,), {"answer_json": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/simple/"
    server.shutdown()
    server.server_close()


def test_wheel_tags_from_a_local_index(load_yaml: Callable, local_index: str) -> None:
    (result,) = run_probes(load_yaml(index_probe(f", index_url: '{local_index}'")))
    assert result.status == "ok", result.reason
    assert result.value == ["linux", "windows"]
    assert result.observed["sdist"] is True
    assert "win_amd64" in result.observed["platform_tags"]


def test_a_local_mirror_folder_is_read_from_disk(load_yaml: Callable, tmp_path: Path) -> None:
    page = tmp_path / "mirror" / DISTRIBUTION / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("".join(f'<a href="{name}">{name}</a>' for name in WHEELS), encoding="utf-8")
    (result,) = run_probes(load_yaml(index_probe(f", index_url: '{(tmp_path / 'mirror').as_uri()}'")))
    assert result.status == "ok" and result.value == ["linux", "windows"]


def test_an_unreachable_index_from_pip_configuration_is_unverifiable(load_yaml: Callable) -> None:
    env = "    env: {PIP_INDEX_URL: 'http://127.0.0.1:9/', PIP_EXTRA_INDEX_URL: ''}\n"
    (result,) = run_probes(load_yaml(index_probe(env=env)))
    assert result.status == "unverifiable"
    assert "unreachable" in result.reason and "127.0.0.1:9" in result.reason
    assert result.observed["index_source"] == "pip config :env:"
    assert result.value is None


def test_wheel_platform_tags_map_to_operating_systems() -> None:
    tags = ["manylinux_2_28_aarch64", "musllinux_1_2_x86_64", "macosx_14_0_arm64", "win_amd64"]
    assert platforms_of(tags) == ["linux", "macos", "windows"]
    assert platforms_of(["any"]) == ["linux", "macos", "windows"]
    assert platforms_of(["android_21_arm64_v8a", "ios_13_0_arm64_iphoneos"]) == ["android", "ios"]
    assert platforms_of([]) == []


def test_a_local_version_label_matches_the_index_release() -> None:
    files = [
        "torch-2.13.0-cp311-cp311-win_amd64.whl",
        "torch-2.13.0+cpu-cp311-cp311-linux_x86_64.whl",
        "torch-2.12.0-py3-none-any.whl",
    ]
    assert release_wheel_tags(files, "torch", "2.13.0+cpu") == (["linux_x86_64", "win_amd64"], False)
