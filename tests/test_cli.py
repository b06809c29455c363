"""The command line: every subcommand documents itself; user errors print without traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["run", "probe", "eval", "bench", "schema", "fetch"]


def factcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command: str) -> None:
    result = factcheck(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    assert command in result.stdout


def test_top_level_help_lists_all_commands() -> None:
    result = factcheck("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_schema_prints_json_schema_of_the_records() -> None:
    result = factcheck("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    claim = schema["definitions"]["Claim"]
    assert {"subject", "attribute", "value", "relation", "start", "end"} <= set(claim["properties"])
    assert claim["properties"]["quote"]["description"]


def test_bad_curated_yaml_exits_2_with_located_message(tmp_path: Path, sources_copy: Path) -> None:
    curated = tmp_path / "claims" / "curated"
    curated.mkdir(parents=True)
    (curated / "mine.yaml").write_text("claims:\n  - quote: q\n    subject: keras\n    attribute: colour\n")
    result = factcheck("run", "--sources", str(sources_copy), "--claims", str(tmp_path / "claims"), "--reports", str(tmp_path / "r"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "E104" in result.stderr and "mine.yaml:4" in result.stderr


def test_missing_sources_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = factcheck("run", "--sources", str(tmp_path / "nowhere"), "--claims", str(tmp_path / "c"), "--reports", str(tmp_path / "r"))
    assert result.returncode == 2
    assert "E201" in result.stderr and "Traceback" not in result.stderr


def test_unknown_fail_on_label_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    result = factcheck("run", "--sources", str(tmp_path / "s"), "--claims", str(tmp_path / "c"), "--reports", str(tmp_path / "r"), "--fail-on", "wrong")
    assert result.returncode == 2
    assert "unknown verdict" in result.stderr
