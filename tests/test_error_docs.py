"""docs/ERRORS.md documents every error code and every exit code defined in ``pipeline/errors.py``,
each code with its cause and its fix, and no code that does not exist."""

from __future__ import annotations

import re

import pytest

from pipeline import errors
from pipeline.paths import PROJECT_ROOT

DOC = (PROJECT_ROOT / "docs" / "ERRORS.md").read_text(encoding="utf-8")
CODES = {name: value for name, value in vars(errors).items() if name.startswith("E_")}
EXIT_CODES = {name: value for name, value in vars(errors).items() if name.startswith("EXIT_")}
# A row of an error table: | `E101` | cause | fix |
ROWS = {code: (cause, fix) for code, cause, fix in re.findall(r"^\| `(E\d{3})` \| (.+?) \| (.+?) \|$", DOC, re.MULTILINE)}


def test_codes_are_distinct_and_well_formed() -> None:
    assert len(set(CODES.values())) == len(CODES)
    assert all(re.fullmatch(r"E\d{3}", code) for code in CODES.values())


@pytest.mark.parametrize("name", sorted(CODES))
def test_every_error_code_is_documented_with_its_cause_and_fix(name: str) -> None:
    code = CODES[name]
    assert code in ROWS, f"{name} = {code!r} has no row in docs/ERRORS.md"
    cause, fix = ROWS[code]
    assert cause.strip() and fix.strip()


def test_the_docs_name_no_code_that_does_not_exist() -> None:
    assert set(ROWS) <= set(CODES.values())
    assert set(re.findall(r"\bE\d{3}\b", DOC)) <= set(CODES.values())


@pytest.mark.parametrize("name", sorted(EXIT_CODES))
def test_every_exit_code_is_documented(name: str) -> None:
    assert re.search(rf"^\| `{EXIT_CODES[name]}` \| \S", DOC, re.MULTILINE), f"{name} is not in the exit code table"
