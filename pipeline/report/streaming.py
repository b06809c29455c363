"""Large report files written piece by piece, never held whole in memory.

``claims.json`` of a corpus of thousands of articles runs to hundreds of megabytes; built as
one string (and the dictionaries before it) it would set the run's peak memory. Here a
document is a dict whose big lists are ``Streamed`` iterables: everything else is encoded
with ``json.dumps`` as usual, and each element of a streamed list is encoded on its own and
written at once. The bytes are exactly those of ``json.dumps(document, indent=2,
ensure_ascii=False, default=str)``, so readers see no difference.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from json.encoder import encode_basestring  # the C encoder when available, as json.dumps uses
from typing import Any, Iterable, Iterator

from pipeline.errors import E_WRITE, Location, WriteError

INDENT = "  "
BUFFER_BYTES = 1 << 20


@dataclass(frozen=True)
class Streamed:
    """A JSON list whose elements are produced one at a time while writing; the elements
    themselves are encoded whole, so they hold no ``Streamed`` of their own."""

    items: Iterable[Any]


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it when nested ``depth`` levels deep."""
    parts: list[str] = []
    try:
        _encode(value, depth, parts)
    except _Unusual:  # a key json.dumps would convert or refuse: let it decide
        text = json.dumps(value, indent=len(INDENT), ensure_ascii=False, default=str)
        return text.replace("\n", "\n" + INDENT * depth) if depth else text
    return "".join(parts)


class _Unusual(Exception):
    """A value ``_encode`` leaves to ``json.dumps``."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _encode(value: Any, depth: int, parts: list[str]) -> None:
    """Append the text ``json.dumps(value, indent=2, ensure_ascii=False, default=str)`` gives.

    ``json.dumps`` with an indent runs its pure-Python encoder; for the many small records of
    a large report this direct walk (with the C string encoder) takes about two thirds of
    its time.
    The checks come in ``json``'s own order, so subclasses of str and int encode as it does.
    """
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        _encode_items(value, depth, parts, "[", "]", None)
    elif isinstance(value, dict):
        _encode_items(list(value.values()), depth, parts, "{", "}", list(value))
    else:
        _encode(str(value), depth, parts)


def _encode_items(values: Any, depth: int, parts: list[str], opening: str, closing: str, keys: list[Any] | None) -> None:
    if not values:
        parts.append(opening + closing)
        return
    inner = ",\n" + INDENT * (depth + 1)
    parts.append(opening)
    for index, item in enumerate(values):
        parts.append(inner[1:] if index == 0 else inner)
        if keys is not None:
            if not isinstance(keys[index], str):
                raise _Unusual()
            parts.append(encode_basestring(keys[index]) + ": ")
        _encode(item, depth + 1, parts)
    parts.append("\n" + INDENT * depth + closing)


def _streams(value: Any) -> bool:
    if isinstance(value, Streamed):
        return True
    if isinstance(value, dict):
        return any(_streams(item) for item in value.values())
    if isinstance(value, list):
        return any(_streams(item) for item in value)
    return False


def _container(opening: str, closing: str, members: Iterator[tuple[str, Any]], depth: int, plain: bool) -> Iterator[str]:
    """Members (a key prefix and a value) between brackets, laid out as ``json.dumps`` does;
    ``plain`` members hold nothing streamed and are encoded at once."""
    inner = "\n" + INDENT * (depth + 1)
    empty = True
    for prefix, value in members:
        yield (opening if empty else ",") + inner + prefix
        if plain:
            yield _dumps(value, depth + 1)
        else:
            yield from json_chunks(value, depth + 1)
        empty = False
    yield opening + closing if empty else "\n" + INDENT * depth + closing


def json_chunks(value: Any, depth: int = 0) -> Iterator[str]:
    """The JSON text of ``value`` in pieces; ``Streamed`` lists are consumed lazily."""
    if not _streams(value):
        yield _dumps(value, depth)
    elif isinstance(value, dict):
        members = ((json.dumps(str(key), ensure_ascii=False) + ": ", item) for key, item in value.items())
        yield from _container("{", "}", members, depth, plain=False)
    elif isinstance(value, Streamed):  # its elements (a claim, a result) are small and hold no stream
        yield from _container("[", "]", (("", item) for item in value.items), depth, plain=True)
    else:
        yield from _container("[", "]", (("", item) for item in value), depth, plain=False)


def write_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Write the pieces to ``path`` through a temporary file, renamed when complete."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("w", encoding="utf-8", newline="\n", buffering=BUFFER_BYTES) as stream:
            for chunk in chunks:
                stream.write(chunk)
        os.replace(temporary, path)
    except OSError as exc:
        raise WriteError(E_WRITE, f"cannot write: {exc.strerror or exc}", Location(path), "check the disk, then run again") from None
    finally:
        if temporary.exists():
            temporary.unlink()


def write_json(path: Path, document: Any) -> None:
    """``document`` as indented JSON plus a final newline, written piece by piece."""
    write_chunks(path, _with_newline(json_chunks(document)))


def _with_newline(chunks: Iterator[str]) -> Iterator[str]:
    yield from chunks
    yield "\n"
