"""YAML reading that remembers line numbers, and atomic writing.

``load_located`` parses a file and returns its data with a ``LineIndex`` that maps a field
path (``("claims", 3, "attribute")``) to the line it sits on, so validation errors can say
exactly where a problem is. Bad syntax (line and column), bytes that are not UTF-8 and a key
written twice in one mapping are located errors too, never a traceback or silent data loss.

``write_atomic`` is the only way factcheck writes a file; a failed write is a coded
``WriteError``, and ``check_writable`` lets a run fail on an unwritable folder up front.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pipeline.errors import (
    E_DUPLICATE_KEY,
    E_MISSING_FIELD,
    E_WRITE,
    E_YAML_SHAPE,
    E_YAML_SYNTAX,
    ErrorGroup,
    FactcheckError,
    Location,
    WriteError,
)

PathKey = tuple[Any, ...]
# libyaml's parser and emitter when PyYAML was built with them: about ten times faster.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
T = TypeVar("T")
K = TypeVar("K")


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


Repeat = tuple[PathKey, int, int]  # a key's path, the line it first appeared on, the line it appears again


def _index_node(node: yaml.Node, path: PathKey, lines: dict[PathKey, int], repeats: list[Repeat]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            line = key_node.start_mark.line + 1
            if key_node.value in first_line and key_node.tag != "tag:yaml.org,2002:merge":
                repeats.append((child, first_line[key_node.value], line))
            first_line.setdefault(key_node.value, line)
            lines[child] = line
            _index_node(value_node, child, lines, repeats)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _index_node(item, path + (position,), lines, repeats)


def read_text_file(path: Path) -> str:
    """A UTF-8 text file's content; an unreadable or undecodable file becomes a located error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        message, fix = f"cannot read the file: {exc.strerror or exc}", "check that it exists and is a readable file"
        raise FactcheckError(E_YAML_SYNTAX, message, Location(path), fix) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start}"
        raise FactcheckError(E_YAML_SYNTAX, message, Location(path, line), "save the file as UTF-8 text") from None


def _syntax_error(path: Path, text: str, exc: yaml.YAMLError) -> FactcheckError:
    """One line saying where and why the YAML does not parse."""
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
        message = f"not valid YAML: character #x{exc.character:04x} at line {line}, column {column} is not allowed"
        fix = "the file looks binary or holds control characters; save it as plain UTF-8 text"
        return FactcheckError(E_YAML_SYNTAX, message, Location(path, line), fix)
    mark = getattr(exc, "problem_mark", None)
    message = "not valid YAML"
    if mark is not None:
        message += f" at line {mark.line + 1}, column {mark.column + 1}"
    message += f": {getattr(exc, 'problem', None) or str(exc).splitlines()[0]}"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        # An unclosed quote or bracket fails at the end of the file; where it opened is what helps.
        message += f" ({context} at line {context_mark.line + 1}, column {context_mark.column + 1})"
    fix = "check indentation and quoting there (values containing ': ' need quotes)"
    if mark is not None and _character_at(text, mark.line, mark.column) == "\t":
        fix = "indent with spaces: YAML does not allow tabs there"
    return FactcheckError(E_YAML_SYNTAX, message, Location(path, mark.line + 1 if mark else None), fix)


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


def _repeated_keys(path: Path, repeats: list[Repeat]) -> ErrorGroup:
    return ErrorGroup([
        FactcheckError(
            E_DUPLICATE_KEY,
            f"key {str(key[-1])!r} appears twice in one mapping (first on line {first})",
            Location(path, line, format_path(key)),
            "remove one of them or merge their values; YAML would keep only the last",
        )
        for key, first, line in repeats
    ])


def load_located(path: Path) -> tuple[Any, LineIndex]:
    """Parse ``path``; bad syntax, bad encoding or a key given twice becomes a located FactcheckError."""
    text = read_text_file(path)
    try:
        # One parse: compose the node tree (for line numbers), then build the data from it.
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = SAFE_LOADER("").construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    lines: dict[PathKey, int] = {}
    repeats: list[Repeat] = []
    if node is not None:
        _index_node(node, (), lines, repeats)
    if repeats:
        # YAML silently keeps the last of two equal keys: that would lose what the user wrote.
        raise _repeated_keys(path, repeats)
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


def _shape_name(data: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(data), type(data).__name__)


def require_list(data: Any, key: str, file: Path, index: LineIndex) -> list[Any]:
    """Accept either a top-level list or a mapping with ``key: [...]`` (``key:`` alone is an empty list).

    An empty file, a scalar, or a mapping without ``key`` is an error: silently reading
    nothing would hide a typo such as ``claim:`` for ``claims:``.
    """
    fix, top = f"write '{key}:' followed by '- ...' items", Location(file, index.line_of(()))
    if data is None:
        message = "the file holds no YAML data (it is empty)"
        raise FactcheckError(E_YAML_SHAPE, message, Location(file, 1), fix + ", or delete the file")
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise FactcheckError(E_YAML_SHAPE, f"expected a list under '{key}', found {_shape_name(data)}", top, fix)
    if key not in data:
        found = ", ".join(repr(str(name)) for name in data) or "none"
        raise FactcheckError(E_YAML_SHAPE, f"no '{key}' key (top-level keys: {found})", top, fix)
    value = data[key]
    if value is None:
        return []
    if not isinstance(value, list):
        message = f"expected a list under '{key}', found {_shape_name(value)}"
        raise FactcheckError(E_YAML_SHAPE, message, Location(file, index.line_of((key,)), key), fix)
    return value


def _write_error(path: Path, exc: OSError) -> WriteError:
    """Why ``path`` could not be written, in words: most often a file where a folder should be."""
    blocker = next((parent for parent in (path, *path.parents) if parent.exists() and not parent.is_dir()), None)
    if blocker is not None and blocker != path:
        reason = f"{blocker} is a file, not a folder"
    elif path.is_dir():
        reason = "a folder of that name is in the way"
    else:
        reason = exc.strerror or str(exc)
    fix = "make the folder writable, or choose another one (--reports, --claims)"
    return WriteError(E_WRITE, f"cannot write: {reason}", Location(path), fix)


def _open_temporary(path: Path) -> tuple[int, str]:
    """A new temporary file next to ``path`` (descriptor, name), with the mode ``path`` has or,
    for a new file, ``0o666`` less the umask: not the private ``0o600`` of ``tempfile.mkstemp``."""
    temp_name = os.path.join(path.parent, f".{path.name}.{secrets.token_hex(8)}.tmp")
    handle = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        os.fchmod(handle, stat.S_IMODE(os.stat(path).st_mode))
    except FileNotFoundError:
        pass  # a new file keeps the mode it was created with
    except BaseException:
        os.close(handle)
        os.unlink(temp_name)
        raise
    return handle, temp_name


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename, so readers never see half a file.

    Ctrl-C or a failure at any point leaves either the old file or the new one, and no temporary
    file. A file that existed keeps its mode; a new one gets ``0o666`` less the umask.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = _open_temporary(path)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp_name, path)
    except BaseException as exc:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise _write_error(path, exc) from None
        raise


def check_writable(folder: Path) -> None:
    """Fail now, before any expensive work, when files cannot be created in ``folder`` later."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    fix = "make it writable, or choose another folder"
    if not existing.is_dir():
        raise WriteError(E_WRITE, f"cannot write: {existing} is a file, not a folder", Location(folder), fix)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise WriteError(E_WRITE, f"cannot write: permission denied on {existing}", Location(folder), fix)


def dump_yaml(data: Any) -> str:
    """Stable, readable YAML: insertion order kept, unicode as is, wide lines."""
    return yaml.dump(data, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def read_each(paths: Iterable[K], read: Callable[[K], T]) -> tuple[list[tuple[K, T]], list[FactcheckError]]:
    """Read every file (or article), collecting located errors instead of stopping at the first
    bad one, so a user fixes a whole folder in one pass."""
    results: list[tuple[K, T]] = []
    errors: list[FactcheckError] = []
    for path in paths:
        try:
            results.append((path, read(path)))
        except ErrorGroup as group:
            errors.extend(group.errors)
        except FactcheckError as error:
            errors.append(error)
    return results, errors
