"""The claim vocabulary: subjects with aliases, attributes with value kinds, verdicts.

Read from ``claims/vocabulary.yaml``. Every other YAML file (claims, probes, facts) is
validated against it, so a new framework or attribute is a YAML edit, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.catalog.yamlio import load_located
from pipeline.errors import E_BAD_VALUE, E_UNKNOWN_ATTRIBUTE, E_UNKNOWN_SUBJECT, E_YAML_SHAPE, FactcheckError, Location

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
        allowed = ", ".join(sorted(self.subjects))
        return FactcheckError(
            E_UNKNOWN_SUBJECT,
            f"unknown subject {subject!r}",
            location,
            f"use one of: {allowed} (or add it to claims/vocabulary.yaml)",
        )

    def check_attribute(self, attribute: object, location: Location) -> FactcheckError | None:
        """An error naming the allowed attributes, or None when ``attribute`` is known."""
        if attribute in self.attributes:
            return None
        allowed = ", ".join(sorted(self.attributes))
        return FactcheckError(
            E_UNKNOWN_ATTRIBUTE, f"unknown attribute {attribute!r}", location, f"use one of: {allowed}"
        )

    def check_value(self, attribute: str, value: object, location: Location) -> FactcheckError | None:
        """An error when ``value`` does not fit the attribute's kind."""
        spec = self.attributes.get(attribute)
        if spec is None or value is None:
            return None
        if spec.kind == "enum" and spec.values and value not in spec.values:
            return FactcheckError(
                E_BAD_VALUE, f"{value!r} is not a value of {attribute}", location, f"use one of: {', '.join(spec.values)}"
            )
        if spec.kind == "list" and not isinstance(value, (list, str)):
            return FactcheckError(E_BAD_VALUE, f"{attribute} takes a list of strings", location, "write [a, b, c]")
        if spec.kind == "rank" and not isinstance(value, (int, str)):
            return FactcheckError(E_BAD_VALUE, f"{attribute} takes an integer rank", location, "write 1 for the top rank")
        return None


def default_vocabulary_path() -> Path:
    """``claims/vocabulary.yaml`` of the project this package lives in."""
    return Path(__file__).resolve().parent.parent / "claims" / "vocabulary.yaml"


def _parse_attributes(raw: object, path: Path, lines) -> dict[str, AttributeSpec]:
    if not isinstance(raw, dict):
        raise FactcheckError(E_YAML_SHAPE, "'attributes' must be a mapping", Location(path, lines.line_of(("attributes",))))
    specs: dict[str, AttributeSpec] = {}
    for name, body in raw.items():
        body = body or {}
        kind = body.get("kind", "text")
        if kind not in VALUE_KINDS:
            raise FactcheckError(
                E_BAD_VALUE,
                f"unknown value kind {kind!r}",
                Location(path, lines.line_of(("attributes", name, "kind")), f"attributes.{name}.kind"),
                f"use one of: {', '.join(VALUE_KINDS)}",
            )
        values = tuple(str(v) for v in body.get("values", []) or [])
        specs[str(name)] = AttributeSpec(str(name), kind, str(body.get("means", "")), values)
    return specs


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
    subjects = {str(k): tuple(str(a) for a in (v or [])) for k, v in data["subjects"].items()}
    attributes = _parse_attributes(data["attributes"], path, lines)
    verdicts = {str(k): str(v) for k, v in (data.get("verdicts") or {}).items()}
    return Vocabulary(subjects, attributes, verdicts, path)
