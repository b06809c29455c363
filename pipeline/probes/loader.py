"""Reading and validating ``claims/probes/*.yaml``.

A file holds ``probes:`` (a list) and optionally ``defaults:`` merged into each of its
probes (a probe's own fields win; ``params`` and ``env`` merge key by key). Every problem
in every file is collected and raised together as one ErrorGroup of located errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pipeline.catalog.yamlio import (
    LineIndex,
    format_path,
    load_located,
    read_each,
    require_list,
    validate_model,
)
from pipeline.catalog.unique import duplicate_ids
from pipeline.errors import (
    E_MISSING_FIELD,
    E_UNKNOWN_KIND,
    E_YAML_SHAPE,
    ErrorGroup,
    FactcheckError,
    Location,
    did_you_mean,
)
from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.registry import get_kind, kind_names
from pipeline.records import ClaimValue
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


ALLOWED_DEFAULTS = tuple(sorted(set(ProbeDef.model_fields) - {"id"}))


def _usable_defaults(defaults: Any, where: _Located) -> tuple[dict[str, Any], list[FactcheckError]]:
    """The file's defaults without unknown keys, and an error for each unknown key."""
    if not isinstance(defaults, dict):
        fix = "write 'defaults:' then 'key: value' lines"
        return {}, [FactcheckError(E_YAML_SHAPE, "'defaults' must be a mapping", where.at(("defaults",)), fix)]
    fix = f"use one of: {', '.join(ALLOWED_DEFAULTS)}"
    errors = [
        FactcheckError(
            E_YAML_SHAPE, f"unknown default {key!r}" + did_you_mean(key, ALLOWED_DEFAULTS), where.at(("defaults", key)), fix
        )
        for key in defaults
        if key not in ALLOWED_DEFAULTS
    ]
    return {key: value for key, value in defaults.items() if key in ALLOWED_DEFAULTS}, errors


def _check_value_map(
    probe: ProbeDef, value_map: ValueMap, vocab: Vocabulary, locate: Callable[[tuple[Any, ...]], Location]
) -> list[FactcheckError]:
    constants: list[tuple[tuple[Any, ...], ClaimValue]] = [
        (("cases", position, "value"), case.value) for position, case in enumerate(value_map.cases or [])
    ]
    constants.append((("otherwise",), value_map.otherwise))
    problems = [vocab.check_value(probe.attribute, constant, locate(suffix)) for suffix, constant in constants]
    return [problem for problem in problems if problem is not None]


def _unknown_kind(name: object, location: Location) -> FactcheckError:
    """An unknown probe kind, with the closest registered kinds suggested."""
    message = f"unknown probe kind {name!r}" + did_you_mean(name, kind_names())
    return FactcheckError(E_UNKNOWN_KIND, message, location, f"use one of: {', '.join(kind_names())}")


def _validate_probe(
    item: dict[str, Any], defaults: dict[str, Any], position: int, where: _Located, vocab: Vocabulary
) -> tuple[ProbeDef | None, list[FactcheckError]]:
    at = where.base + (position,)
    merged = _merge(defaults, item)
    probe, errors = validate_model(ProbeDef, merged, where.path, where.lines, at)
    if not isinstance(probe, ProbeDef):
        if isinstance(merged.get("kind"), str) and get_kind(merged["kind"]) is None:
            errors.append(_unknown_kind(merged["kind"], where.field(position, item, "kind")))  # found in the same pass
        return None, errors
    for key, check in (("subject", vocab.check_subject), ("attribute", vocab.check_attribute)):
        problem = check(getattr(probe, key), where.field(position, item, key))
        if problem:
            errors.append(problem)
    kind = get_kind(probe.kind)
    if kind is None:
        errors.append(_unknown_kind(probe.kind, where.field(position, item, "kind")))
        return None, errors
    params, problems = validate_model(kind.params_model, probe.params, where.path, where.lines, at + ("params",))
    errors.extend(problems)
    value_map = probe.maps_to or kind.default_map
    if value_map is None:
        fix = "add maps_to with one of: field: <path> | tokens: {token: <path>} | cases: [{when: {...}, value: ...}]"
        errors.append(FactcheckError(E_MISSING_FIELD, f"kind {kind.name} needs a 'maps_to' section", where.at(at), fix))
    elif errors == [] and probe.attribute in vocab.attributes:
        owner = at if "maps_to" in item else ("defaults",)
        errors.extend(_check_value_map(probe, value_map, vocab, lambda suffix: where.at(owner + ("maps_to", *suffix))))
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
            location = Location(path, lines.line_of((unknown[0],)), str(unknown[0]))
            message = f"unknown top-level key {unknown[0]!r}" + did_you_mean(unknown[0], FILE_KEYS)
            fix = f"use one of: {', '.join(FILE_KEYS)}"
            raise FactcheckError(E_YAML_SHAPE, message, location, fix)
    items = require_list(data, "probes", path, lines)
    where = _Located(path, lines, ("probes",) if isinstance(data, dict) else ())
    defaults, errors = _usable_defaults((data.get("defaults") or {}) if isinstance(data, dict) else {}, where)
    probes: list[tuple[ProbeDef, int | None]] = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            location, fix = where.at(where.base + (position,)), "write 'id:', 'subject:', ... under '- '"
            errors.append(FactcheckError(E_YAML_SHAPE, "a probe must be a mapping", location, fix))
            continue
        probe, problems = _validate_probe(item, defaults, position, where, vocab)
        errors.extend(problems)
        if probe is not None:
            probes.append((probe, lines.line_of(where.base + (position, "id"))))
    if errors:
        raise ErrorGroup(errors)
    return probes


def load_probes(folder: Path, vocab: Vocabulary) -> list[ProbeDef]:
    """All probes in ``folder``, sorted by id; every problem raised together, located."""
    if not folder.is_dir():
        fix = "create it or point --claims elsewhere"
        raise FactcheckError(E_YAML_SHAPE, "probe folder not found", Location(folder), fix)
    files, errors = read_each(sorted(folder.glob("*.y*ml")), lambda path: _read_located(path, vocab))
    located = [(probe.id, Location(path, line, "id")) for path, file_probes in files for probe, line in file_probes]
    errors.extend(duplicate_ids(located, "probe id", "give each probe a unique id"))
    probes = [probe for _, file_probes in files for probe, _ in file_probes]
    if errors:
        raise ErrorGroup(errors)
    return sorted(probes, key=lambda probe: probe.id)
