"""Reading and validating ``claims/probes/*.yaml``.

A file holds ``probes:`` (a list) and optionally ``defaults:`` merged into each of its
probes (a probe's own fields win; ``params`` and ``env`` merge key by key). Every problem
in every file is collected and raised together as one ErrorGroup of located errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.catalog.yamlio import LineIndex, format_path, load_located, require_list, validate_model
from pipeline.errors import (
    E_DUPLICATE_ID,
    E_MISSING_FIELD,
    E_UNKNOWN_KIND,
    E_YAML_SHAPE,
    ErrorGroup,
    FactcheckError,
    Location,
)
from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.registry import get_kind, kind_names
from pipeline.vocab import Vocabulary

FILE_KEYS = ("defaults", "probes")
MERGED_KEYS = ("params", "env")


class _Located:
    """Builds Locations for one file, preferring a probe's own key over its defaults."""

    def __init__(self, path: Path, lines: LineIndex, base: tuple[Any, ...]) -> None:
        self.path, self.lines, self.base = path, lines, base

    def at(self, field_path: tuple[Any, ...]) -> Location:
        return Location(self.path, self.lines.line_of(field_path), format_path(field_path))

    def field(self, position: int, item: dict[str, Any], key: str) -> Location:
        own = self.base + (position, key)
        return self.at(own if key in item else ("defaults", key))


def _merge(defaults: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    merged = {**defaults, **item}
    for key in MERGED_KEYS:
        if isinstance(defaults.get(key), dict) and isinstance(item.get(key), dict):
            merged[key] = {**defaults[key], **item[key]}
    return merged


def _check_defaults(defaults: Any, where: _Located) -> list[FactcheckError]:
    if not isinstance(defaults, dict):
        return [FactcheckError(E_YAML_SHAPE, "'defaults' must be a mapping", where.at(("defaults",)), "write 'defaults:' then 'key: value' lines")]
    allowed = sorted(set(ProbeDef.model_fields) - {"id"})
    return [
        FactcheckError(E_YAML_SHAPE, f"unknown default {key!r}", where.at(("defaults", key)), f"use one of: {', '.join(allowed)}")
        for key in defaults
        if key not in allowed
    ]


def _check_value_map(probe: ProbeDef, value_map: ValueMap, vocab: Vocabulary, where: Location) -> list[FactcheckError]:
    constants = [case.value for case in value_map.cases or []] + [value_map.otherwise]
    problems = [vocab.check_value(probe.attribute, constant, where) for constant in constants]
    return [problem for problem in problems if problem is not None]


def _validate_probe(
    item: dict[str, Any], defaults: dict[str, Any], position: int, where: _Located, vocab: Vocabulary
) -> tuple[ProbeDef | None, list[FactcheckError]]:
    at = where.base + (position,)
    probe, errors = validate_model(ProbeDef, _merge(defaults, item), where.path, where.lines, at)
    if not isinstance(probe, ProbeDef):
        return None, errors
    for key, check in (("subject", vocab.check_subject), ("attribute", vocab.check_attribute)):
        problem = check(getattr(probe, key), where.field(position, item, key))
        if problem:
            errors.append(problem)
    kind = get_kind(probe.kind)
    if kind is None:
        message = f"unknown probe kind {probe.kind!r}"
        errors.append(FactcheckError(E_UNKNOWN_KIND, message, where.field(position, item, "kind"), f"use one of: {', '.join(kind_names())}"))
        return None, errors
    params, problems = validate_model(kind.params_model, probe.params, where.path, where.lines, at + ("params",))
    errors.extend(problems)
    value_map = probe.maps_to or kind.default_map
    if value_map is None:
        fix = "add maps_to with one of: field: <path> | tokens: {token: <path>} | cases: [{when: {...}, value: ...}]"
        errors.append(FactcheckError(E_MISSING_FIELD, f"kind {kind.name} needs a 'maps_to' section", where.at(at), fix))
    elif errors == [] and probe.attribute in vocab.attributes:
        errors.extend(_check_value_map(probe, value_map, vocab, where.field(position, item, "maps_to")))
    if errors or params is None:
        return None, errors
    return probe.model_copy(update={"params": params.model_dump(mode="json")}), []


def read_probe_file(path: Path, vocab: Vocabulary) -> list[ProbeDef]:
    """Read and validate one probe file."""
    return [probe for probe, _ in _read_located(path, vocab)]


def _read_located(path: Path, vocab: Vocabulary) -> list[tuple[ProbeDef, int | None]]:
    data, lines = load_located(path)
    if isinstance(data, dict):
        unknown = [key for key in data if key not in FILE_KEYS]
        if unknown:
            where = Location(path, lines.line_of((unknown[0],)), str(unknown[0]))
            raise FactcheckError(E_YAML_SHAPE, f"unknown top-level key {unknown[0]!r}", where, f"use one of: {', '.join(FILE_KEYS)}")
    items = require_list(data, "probes", path, lines)
    where = _Located(path, lines, ("probes",) if isinstance(data, dict) else ())
    defaults = (data.get("defaults") or {}) if isinstance(data, dict) else {}
    errors = _check_defaults(defaults, where)
    probes: list[tuple[ProbeDef, int | None]] = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(FactcheckError(E_YAML_SHAPE, "a probe must be a mapping", where.at(where.base + (position,)), "write 'id:', 'subject:', ... under '- '"))
            continue
        probe, problems = _validate_probe(item, defaults if isinstance(defaults, dict) else {}, position, where, vocab)
        errors.extend(problems)
        if probe is not None:
            probes.append((probe, lines.line_of(where.base + (position, "id"))))
    if errors:
        raise ErrorGroup(errors)
    return probes


def load_probes(folder: Path, vocab: Vocabulary) -> list[ProbeDef]:
    """All probes in ``folder``, sorted by id; every problem raised together, located."""
    if not folder.is_dir():
        raise FactcheckError(E_YAML_SHAPE, "probe folder not found", Location(folder), "create it or point --claims elsewhere")
    probes: list[ProbeDef] = []
    errors: list[FactcheckError] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.y*ml")):
        try:
            file_probes = _read_located(path, vocab)
        except ErrorGroup as group:
            errors.extend(group.errors)
            continue
        except FactcheckError as error:
            errors.append(error)
            continue
        for probe, line in file_probes:
            if probe.id in seen:
                message = f"probe id {probe.id!r} is also defined in {seen[probe.id].name}"
                errors.append(FactcheckError(E_DUPLICATE_ID, message, Location(path, line, "id"), "give each probe a unique id"))
            seen.setdefault(probe.id, path)
            probes.append(probe)
    if errors:
        raise ErrorGroup(errors)
    return sorted(probes, key=lambda probe: probe.id)
