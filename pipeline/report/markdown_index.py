"""``index.md``: a summary a person reads first (per source: claims found by attribute)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.catalog.yamlio import write_atomic
from pipeline.records import RunResult


def render_index(result: RunResult) -> str:
    """The Markdown of ``index.md``."""
    lines = ["# factcheck report", ""]
    for source in result.sources:
        claims = [c.claim for c in result.checked if c.claim.source == source.file]
        lines += [f"## {source.title or source.file}", "", f"`{source.file}` · published {source.published or 'unknown'} · {len(claims)} claims", ""]
        counts = Counter(c.attribute for c in claims)
        if counts:
            lines += ["| attribute | claims |", "|---|---:|"]
            lines += [f"| {name} | {count} |" for name, count in sorted(counts.items())]
            lines.append("")
    return "\n".join(lines)


class IndexFormatter:
    """Writes ``index.md``."""

    name = "index"

    def write(self, result: RunResult, folder: Path) -> list[Path]:
        path = folder / "index.md"
        write_atomic(path, render_index(result))
        return [path]
