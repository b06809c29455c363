"""Turning an observation into an attribute value, and the value conventions.

Conventions the verdict stage relies on: a list value is sorted, lowercase, without
duplicates; a string value is stripped; dicts, floats and booleans are not values (they
belong in ``observed``).
"""

from __future__ import annotations

from typing import Any

from pipeline.probes.definitions import ValueMap
from pipeline.records import ClaimValue


class MappingError(Exception):
    """The observation does not fit the probe's ``maps_to``."""


def lookup(observed: Any, path: str) -> Any:
    """The value at a dotted path; keys that themselves contain dots are matched whole."""
    parts = path.split(".")
    current = observed
    while parts:
        if isinstance(current, dict):
            # Longest prefix first, so a key like "torch.utils.mobile_optimizer" still resolves.
            for size in range(len(parts), 0, -1):
                key = ".".join(parts[:size])
                if key in current:
                    current, parts = current[key], parts[size:]
                    break
            else:
                raise MappingError(f"observed has no field {path!r}")
        elif isinstance(current, list) and parts[0].isdigit() and int(parts[0]) < len(current):
            current, parts = current[int(parts[0])], parts[1:]
        else:
            raise MappingError(f"observed has no field {path!r}")
    return current


def apply_value_map(value_map: ValueMap, observed: Any) -> Any:
    """The raw value the map selects from ``observed``."""
    if value_map.field is not None:
        return lookup(observed, value_map.field)
    if value_map.tokens is not None:
        kept = []
        for token, paths in value_map.tokens.items():
            if any(lookup(observed, path) for path in ([paths] if isinstance(paths, str) else paths)):
                kept.append(token)
        return kept
    for case in value_map.cases or []:
        if all(lookup(observed, path) == expected for path, expected in case.when.items()):
            return case.value
    if value_map.otherwise is None:
        raise MappingError("no case of maps_to matched the observation")
    return value_map.otherwise


def normalise_value(value: Any) -> ClaimValue:
    """Apply the value conventions; anything that is not a claim value is an error."""
    if isinstance(value, (list, tuple, set)):
        return sorted({str(item).strip().lower() for item in value if str(item).strip()})
    if isinstance(value, str):
        return value.strip()
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise MappingError(f"a value must be a string, an integer or a list of strings, not {type(value).__name__}")
