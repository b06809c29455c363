"""The claim vocabulary: subjects with aliases, attributes with value kinds, verdicts.

Read from ``claims/vocabulary.yaml``. Every other YAML file (claims, probes, facts) is
validated against it, so a new framework or attribute is a YAML edit, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.catalog.yamlio import LineIndex, load_located
from pipeline.errors import (
    E_BAD_VALUE,
    E_UNKNOWN_ATTRIBUTE,
    E_UNKNOWN_SUBJECT,
    E_YAML_SHAPE,
    FactcheckError,
    Location,
    did_you_mean,
)

VALUE_KINDS = ("enum", "list", "text", "date", "rank", "level")


@dataclass(frozen=True)
class AttributeSpec:
    """What an attribute means and what kind of value it takes."""

    name: str
    kind: str
    means: str = ""
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """Subjects, attributes and verdicts a claim may use."""

    subjects: dict[str, tuple[str, ...]]
    attributes: dict[str, AttributeSpec]
    verdicts: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def check_subject(self, subject: object, location: Location) -> FactcheckError | None:
        """An error naming the allowed subjects, or None when ``subject`` is known."""
        if subject in self.subjects:
            return None
        aliases = {alias: name for name, spellings in self.subjects.items() for alias in spellings}
        allowed = ", ".join(sorted(self.subjects))
        return FactcheckError(
            E_UNKNOWN_SUBJECT,
            f"unknown subject {subject!r}" + did_you_mean(subject, self.subjects, aliases),
            location,
            f"use one of: {allowed} (or add it to claims/vocabulary.yaml)",
        )

    def check_attribute(self, attribute: object, location: Location) -> FactcheckError | None:
        """An error naming the allowed attributes, or None when ``attribute`` is known."""
        if attribute in self.attributes:
            return None
        allowed = ", ".join(sorted(self.attributes))
        message = f"unknown attribute {attribute!r}" + did_you_mean(attribute, self.attributes)
        return FactcheckError(E_UNKNOWN_ATTRIBUTE, message, location, f"use one of: {allowed}")

    def check_value(self, attribute: str, value: object, location: Location) -> FactcheckError | None:
        """An error when ``value`` does not fit the attribute's kind."""
        spec = self.attributes.get(attribute)
        if spec is None or value is None:
            return None
        if spec.kind == "enum" and spec.values and value not in spec.values:
            message = f"{value!r} is not a value of {attribute}" + did_you_mean(value, spec.values)
            return FactcheckError(E_BAD_VALUE, message, location, f"use one of: {', '.join(spec.values)}")
        if spec.kind == "list" and not isinstance(value, (list, str)):
            return FactcheckError(E_BAD_VALUE, f"{attribute} takes a list of strings", location, "write [a, b, c]")
        if spec.kind == "rank" and not isinstance(value, (int, str)):
            return FactcheckError(E_BAD_VALUE, f"{attribute} takes an integer rank", location, "write 1 for the top rank")
        return None


def default_vocabulary_path() -> Path:
    """``claims/vocabulary.yaml`` of the project this package lives in."""
    return Path(__file__).resolve().parent.parent / "claims" / "vocabulary.yaml"


def _mapping(raw: object, path: Path, lines: LineIndex, key: tuple[str, ...], fix: str) -> dict:
    """``raw`` when it is a mapping (``key:`` alone counts as an empty one), else a located error."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        where = Location(path, lines.line_of(key), ".".join(key))
        raise FactcheckError(E_YAML_SHAPE, f"'{'.'.join(key)}' must be a mapping", where, fix)
    return raw


def _parse_attributes(raw: object, path: Path, lines: LineIndex) -> dict[str, AttributeSpec]:
    specs: dict[str, AttributeSpec] = {}
    for name, body in _mapping(raw, path, lines, ("attributes",), "write 'name:' then 'kind: ...' under it").items():
        body = _mapping(body, path, lines, ("attributes", str(name)), "write 'kind:', 'values:' and 'means:' under it")
        kind = body.get("kind", "text")
        if kind not in VALUE_KINDS:
            raise FactcheckError(
                E_BAD_VALUE,
                f"unknown value kind {kind!r}" + did_you_mean(kind, VALUE_KINDS),
                Location(path, lines.line_of(("attributes", name, "kind")), f"attributes.{name}.kind"),
                f"use one of: {', '.join(VALUE_KINDS)}",
            )
        values = tuple(str(v) for v in _strings(body.get("values"), path, lines, ("attributes", str(name), "values")))
        specs[str(name)] = AttributeSpec(str(name), kind, str(body.get("means", "")), values)
    return specs


def _strings(raw: object, path: Path, lines: LineIndex, key: tuple[str, ...]) -> list[object]:
    """A YAML list (``key:`` alone is empty); a single value is an error rather than split into letters."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        where = Location(path, lines.line_of(key), ".".join(key))
        raise FactcheckError(E_YAML_SHAPE, f"'{'.'.join(key)}' must be a list", where, "write [a, b, c]")
    return raw


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read and check a vocabulary file (the project's own by default)."""
    path = path or default_vocabulary_path()
    return _load_cached(path.resolve())


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> Vocabulary:
    data, lines = load_located(path)
    if not isinstance(data, dict) or "subjects" not in data or "attributes" not in data:
        raise FactcheckError(
            E_YAML_SHAPE, "a vocabulary needs 'subjects' and 'attributes'", Location(path, 1), "see claims/vocabulary.yaml"
        )
    raw_subjects = _mapping(data["subjects"], path, lines, ("subjects",), "write 'name: [alias, ...]' lines")
    subjects = {
        str(name): tuple(str(alias) for alias in _strings(aliases, path, lines, ("subjects", str(name))))
        for name, aliases in raw_subjects.items()
    }
    attributes = _parse_attributes(data["attributes"], path, lines)
    verdicts = _mapping(data.get("verdicts"), path, lines, ("verdicts",), "write 'label: meaning' lines")
    return Vocabulary(subjects, attributes, {str(k): str(v) for k, v in verdicts.items()}, path)
