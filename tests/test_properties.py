"""Properties over generated input: loading any article either yields a Source whose text is
the file's text (so offsets into it hold) or a coded FactcheckError, never a crash; any text
in a claim, probe, fact or index file loads or gives coded errors; claim YAML survives a
dump/load round trip; ``write_atomic`` writes exactly the text given."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalog.claims import ClaimEntry, read_curated
from pipeline.catalog.yamlio import dump_yaml, load_located, write_atomic
from pipeline import errors
from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.ingest.loader import load_sources
from pipeline.probes import load_probes
from pipeline.reconcile import load_facts
from pipeline.records import Source
from pipeline.vocab import load_vocabulary

VOCAB = load_vocabulary()
CODES = {value for name, value in vars(errors).items() if name.startswith("E_")}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKDOWN_PIECES = st.sampled_from(list("#*-_>`|[]()!\n\t .:,\u00e9\u2013\u4e2d") + ["Keras", "PyTorch", " is ", "```", "\r\n"])
MARKDOWN = st.lists(MARKDOWN_PIECES, max_size=60).map("".join)
HTML_TAGS = st.sampled_from(["<p>", "</p>", "<h1>", "</h1>", "<li>", "<table><tr><td>", "</td></tr></table>", "<br>", "<script>x</script>", "&amp;", "<!-- c -->"])
HTML = st.lists(st.one_of(HTML_TAGS, st.text(max_size=20)), max_size=30).map("".join)


def _load(name: str, content: bytes) -> Source | FactcheckError:
    """Load one file in a fresh folder: the Source, or the single coded error it gave."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(content)
        try:
            (source,) = load_sources(Path(folder))
            return source
        except ErrorGroup as group:
            (error,) = group.errors
            return error


def _assert_well_formed(source: Source) -> None:
    for span in source.boilerplate:
        assert 0 <= span.start <= span.end <= len(source.text)
    assert source.text.lstrip("\ufeff").strip()
    assert source.title is None or source.title.strip()


@SETTINGS
@given(text=st.one_of(st.text(), MARKDOWN), suffix=st.sampled_from([".txt", ".md"]))
def test_text_and_markdown_load_unchanged_or_fail_with_a_code(text: str, suffix: str) -> None:
    loaded = _load("article" + suffix, text.encode("utf-8"))
    if isinstance(loaded, FactcheckError):
        assert loaded.code in ("E203", "E204")
        assert "\x00" in text or not text.lstrip("\ufeff").strip()
        return
    assert loaded.text == text  # byte for byte: every offset into the file is an offset into text
    _assert_well_formed(loaded)


@SETTINGS
@given(html=HTML)
def test_html_loads_or_fails_with_a_code(html: str) -> None:
    loaded = _load("page.html", html.encode("utf-8"))
    if isinstance(loaded, FactcheckError):
        assert loaded.code in ("E203", "E204")
        return
    _assert_well_formed(loaded)


@SETTINGS
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_bytes_give_a_source_or_a_coded_error(content: bytes, suffix: str) -> None:
    loaded = _load("article" + suffix, content)
    if isinstance(loaded, FactcheckError):
        assert loaded.code in ("E202", "E203", "E204") and loaded.fix
        assert "Traceback" not in loaded.render()
    else:
        _assert_well_formed(loaded)


# Pieces of the YAML files factcheck reads, so generated text often parses and reaches validation.
YAML_PIECES = st.sampled_from(
    ["claims:", "probes:", "facts:", "sources:", "\n", "  ", "- ", ": ", "[", "]", "{", "}", "'", '"', "&a ", "*a", "<<: ", "\t"]
    + ["id: x", "quote: q", "subject: keras", "subject: kers", "attribute: license", "value: ", "start: 3", "end: -1"]
    + ["file: a.txt", "kind: python_expr.v1", "maps_to:", "valid_from: 2019", "published: 2019-13", "null", "~", "1e999"]
)
YAML_TEXT = st.one_of(st.text(max_size=120), st.lists(YAML_PIECES, max_size=40).map("".join))
CATALOGS = {
    "claims": lambda folder: read_curated(folder, VOCAB),
    "probes": lambda folder: load_probes(folder, VOCAB),
    "facts": lambda folder: load_facts(folder, VOCAB),
    "index": load_sources,
}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=YAML_TEXT, catalog=st.sampled_from(sorted(CATALOGS)))
def test_any_yaml_file_loads_or_gives_coded_located_errors(text: str, catalog: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_text("Keras is written in Python.\n", encoding="utf-8")
        (Path(folder) / ("index.yaml" if catalog == "index" else "mine.yaml")).write_text(text, encoding="utf-8")
        try:
            CATALOGS[catalog](Path(folder))
        except FactcheckError as error:
            for each in error.errors if isinstance(error, ErrorGroup) else [error]:
                assert each.code in CODES and each.fix and each.location is not None, each.render()
                assert Path(each.location.file).name in ("index.yaml", "mine.yaml"), each.render()


TEXT = st.text(max_size=60)
VALUES = st.one_of(st.none(), TEXT, st.integers(min_value=-(2**31), max_value=2**31), st.lists(TEXT, max_size=4))


@st.composite
def claim_entries(draw: st.DrawFn) -> dict[str, Any]:
    """A claim entry as it appears in a claim file, with free text wherever the format allows."""
    start = draw(st.integers(min_value=0, max_value=10**6))
    entry: dict[str, Any] = {
        "id": draw(TEXT),
        "source": draw(TEXT),
        "start": start,
        "end": start + draw(st.integers(min_value=0, max_value=500)),
        "quote": draw(TEXT),
        "subject": draw(st.sampled_from(sorted(VOCAB.subjects))),
        "attribute": draw(st.sampled_from(sorted(VOCAB.attributes))),
        "value": draw(VALUES),
        "relation": draw(st.none() | st.fixed_dictionaries({"type": TEXT, "object": TEXT})),
        "qualifiers": draw(st.fixed_dictionaries({"hedge": st.none() | TEXT, "time": st.none() | TEXT, "negated": st.booleans()})),
        "rule": draw(TEXT),
        "review": draw(st.sampled_from([None, "accepted", "rejected", "edited"])),
        "note": draw(st.none() | TEXT),
    }
    return {key: value for key, value in entry.items() if value is not None}


@SETTINGS
@given(entries=st.lists(claim_entries(), max_size=5), source=TEXT)
def test_claim_entries_survive_dump_write_and_load(entries: list[dict[str, Any]], source: str) -> None:
    document = {"source": source, "claims": entries}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.yaml"
        write_atomic(path, "# generated\n" + dump_yaml(document))
        loaded, _ = load_located(path)
    assert loaded == document
    assert [ClaimEntry.model_validate(entry) for entry in loaded["claims"]] == [ClaimEntry.model_validate(entry) for entry in entries]


@SETTINGS
@given(text=st.text())
def test_write_atomic_writes_exactly_the_text_and_nothing_else(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deep" / "file.md"
        write_atomic(path, "old")
        write_atomic(path, text)
        assert path.read_bytes().decode("utf-8") == text  # no newline translation either
        assert [p.name for p in path.parent.iterdir()] == ["file.md"]
