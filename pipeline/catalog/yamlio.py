"""YAML reading that remembers line numbers, and atomic writing.

``load_located`` parses a file and returns its data with a ``LineIndex`` that maps a field
path (``("claims", 3, "attribute")``) to the line it sits on, so validation errors can say
exactly where a problem is.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pipeline.errors import E_MISSING_FIELD, E_YAML_SHAPE, E_YAML_SYNTAX, ErrorGroup, FactcheckError, Location

PathKey = tuple[Any, ...]
T = TypeVar("T")


class LineIndex:
    """Field path -> 1-based line number, built from the YAML node tree."""

    def __init__(self, lines: dict[PathKey, int]) -> None:
        self._lines = lines

    def line_of(self, path: Iterable[Any]) -> int | None:
        """The line of the deepest known prefix of ``path``."""
        key = tuple(path)
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return self._lines.get((), None)


def _index_node(node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            lines[child] = key_node.start_mark.line + 1
            _index_node(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _index_node(item, path + (position,), lines)


def load_located(path: Path) -> tuple[Any, LineIndex]:
    """Parse ``path``; a syntax error becomes a located FactcheckError."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise FactcheckError(
            E_YAML_SYNTAX,
            f"not valid YAML: {problem}",
            Location(path, line),
            "check indentation and quoting on that line (values containing ': ' need quotes)",
        ) from None
    lines: dict[PathKey, int] = {}
    if node is not None:
        _index_node(node, (), lines)
    return data, LineIndex(lines)


def format_path(path: Iterable[Any]) -> str:
    """``("claims", 3, "value")`` -> ``claims[3].value``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def validate_model(
    model: type[BaseModel], data: Any, file: Path, index: LineIndex, base: PathKey
) -> tuple[BaseModel | None, list[FactcheckError]]:
    """Validate one mapping against a pydantic model; errors are located, not raised."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = []
        for detail in exc.errors():
            path = base + tuple(detail["loc"])
            missing = detail["type"] == "missing"
            extra = detail["type"] == "extra_forbidden"
            if missing:
                fix = f"add the field '{detail['loc'][-1]}'"
            elif extra:
                allowed = ", ".join(sorted(model.model_fields))
                fix = f"remove it or use one of: {allowed}"
            else:
                fix = "correct the value's type or format"
            errors.append(
                FactcheckError(
                    E_MISSING_FIELD if missing else E_YAML_SHAPE,
                    detail["msg"],
                    Location(file, index.line_of(path), format_path(path)),
                    fix,
                )
            )
        return None, errors


def require_list(data: Any, key: str, file: Path, index: LineIndex) -> list[Any]:
    """Accept either a top-level list or a mapping with ``key: [...]``."""
    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get(key, []), list):
        return data.get(key) or []
    raise FactcheckError(
        E_YAML_SHAPE,
        f"expected a list under '{key}'",
        Location(file, index.line_of(())),
        f"write '{key}:' followed by '- ...' items",
    )


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp_name, path)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def dump_yaml(data: Any) -> str:
    """Stable, readable YAML: insertion order kept, unicode as is, wide lines."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def read_each(paths: Iterable[Path], read: Callable[[Path], T]) -> tuple[list[tuple[Path, T]], list[FactcheckError]]:
    """Read every file, collecting located errors instead of stopping at the first bad file,
    so a user fixes a whole folder in one pass."""
    results: list[tuple[Path, T]] = []
    errors: list[FactcheckError] = []
    for path in paths:
        try:
            results.append((path, read(path)))
        except ErrorGroup as group:
            errors.extend(group.errors)
        except FactcheckError as error:
            errors.append(error)
    return results, errors
