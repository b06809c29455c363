"""A small throwaway project for end-to-end tests: two short articles, hand-written claims,
one fact and (optionally) one cheap probe, so a whole run takes seconds."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pipeline.paths import Folders

ARTICLES = {
    "a.txt": "Keras is written in Python. PyTorch is written in Lua.\nTensorFlow is faster than PyTorch.\n",
    "b.md": "# JAX notes\n\nJAX runs on TPUs. TensorFlow is licensed under the Apache 2.0 license.\n",
}
INDEX = """\
sources:
  - file: a.txt
    title: Frameworks compared
    published: "2019"
  - file: b.md
    publisher: Example Blog
"""
CURATED = """\
# Written by hand: factcheck must never rewrite this file.
claims:
  - source: a.txt
    quote: Keras is written in Python.
    subject: keras
    attribute: implementation_language
    value: [python]
  - source: a.txt
    start: 28
    end: 54
    quote: PyTorch is written in Lua.
    subject: pytorch
    attribute: implementation_language
    value: [lua]
"""
FACTS = """\
facts:
  - id: keras-license
    subject: keras
    attribute: license
    value: Apache-2.0
    statement: Keras uses the Apache 2.0 license.
    valid_from: "2015"
    citation: https://github.com/keras-team/keras/blob/master/LICENSE
"""
PROBE = """\
probes:
  - id: test.pytorch.execution
    subject: pytorch
    attribute: execution_model
    kind: python_expr.v1
    description: a cheap probe that needs no framework
    params:
      expr: "{'graph': True}"
    maps_to:
      cases:
        - when: {graph: true}
          value: dynamic_graph
"""


def make_project(root: Path, with_probe: bool = False) -> Folders:
    """Write the project under ``root``; the claims folder has no probes unless ``with_probe``."""
    sources = root / "sources"
    sources.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    (sources / "index.yaml").write_text(INDEX, encoding="utf-8")
    claims = root / "claims"
    for folder, name, text in (("curated", "mine.yaml", CURATED), ("facts", "mine.yaml", FACTS)):
        (claims / folder).mkdir(parents=True)
        (claims / folder / name).write_text(text, encoding="utf-8")
    (claims / "probes").mkdir()
    if with_probe:
        (claims / "probes" / "mine.yaml").write_text(textwrap.dedent(PROBE), encoding="utf-8")
    return Folders(sources=sources, claims=claims, reports=root / "reports", cache=root / "cache")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    if not folder.exists():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
