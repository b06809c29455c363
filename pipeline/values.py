"""Canonical value tokens: one spelling for each language, OS, licence, organisation, level.

Extraction uses ``normalize`` to turn the words of an article into tokens; verdicts use
``tokens`` to compare a claim's value with a probe's observation or a reference fact, so
"OSX" and "macOS", or "Apache License 2.0" and "Apache-2.0", are the same thing. The
spellings live in ``claims/values.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.paths import PROJECT_CLAIMS

# Which alias table an attribute's values are read with.
TABLE_FOR_ATTRIBUTE = {
    "implementation_language": "languages",
    "api_language": "languages",
    "platforms": "platforms",
    "hardware_support": "hardware_support",
    "license": "licenses",
    "developer_org": "organisations",
    "api_level": "api_level",
    "execution_model": "execution_model",
    "dataset_scale": "dataset_scale",
}


@lru_cache(maxsize=4)
def load_tables(path: Path = PROJECT_CLAIMS / "values.yaml") -> dict[str, dict[str, tuple[str, ...]]]:
    """Alias tables: table -> canonical token -> aliases (the token itself included)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        table: {str(token): tuple({str(token), *(str(a) for a in aliases or [])}) for token, aliases in entries.items()}
        for table, entries in data.items()
    }


@lru_cache(maxsize=64)
def _alias_regex(table: str) -> list[tuple[str, re.Pattern[str]]]:
    """Longest aliases first, so 'NVIDIA GPU' wins over 'GPU'."""
    pairs = [(alias, token) for token, aliases in load_tables()[table].items() for alias in aliases]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return [(token, re.compile(r"(?<![\w+#])" + re.escape(alias) + r"(?![\w+#])", re.IGNORECASE)) for alias, token in pairs]


def find_tokens(table: str, text: str) -> list[str]:
    """Canonical tokens mentioned in ``text``, in order of appearance, each once."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for token, pattern in _alias_regex(table):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), token))
    ordered: list[str] = []
    for _, token in sorted(found):
        if token not in ordered:
            ordered.append(token)
    return ordered


def table_for(attribute: str) -> str | None:
    """The alias table an attribute uses, if any."""
    return TABLE_FOR_ATTRIBUTE.get(attribute)


def tokens(attribute: str, value: object) -> frozenset[str]:
    """A value (string, list or int) as a set of canonical tokens, for comparison."""
    if value is None:
        return frozenset()
    items = value if isinstance(value, (list, tuple)) else [value]
    table = table_for(attribute)
    result: set[str] = set()
    for item in items:
        text = str(item).strip()
        if table:
            found = find_tokens(table, text)
            result.update(found or [text.lower()])
        else:
            result.add(text.lower())
    return frozenset(result)
