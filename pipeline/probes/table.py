"""The table ``factcheck probe`` prints."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from pipeline.records import ClaimValue, ProbeResult

STATUS_STYLES = {
    "ok": "green",
    "failed": "red",
    "crashed": "bold red",
    "timeout": "red",
    "error": "bold red",
    "not_installed": "yellow",
    "unverifiable": "yellow",
}

# (header, style, keep on one line): ids and statuses must stay readable in a narrow terminal.
COLUMNS = (
    ("probe", "bold", True),
    ("status", None, True),
    ("value", None, False),
    ("versions", "dim", False),
    ("time", "dim", True),
    ("reason", None, False),
)


def _value_text(value: ClaimValue) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "(none)"
    return "" if value is None else str(value)


def render_probe_table(results: list[ProbeResult]) -> Table:
    """One row per probe: what it decided, on which versions, and why when it could not."""
    table = Table(title="Probes", show_lines=False)
    for header, style, no_wrap in COLUMNS:
        table.add_column(header, style=style, no_wrap=no_wrap, overflow="fold")
    for result in sorted(results, key=lambda r: r.probe_id):
        style = STATUS_STYLES.get(result.status, "")
        status = f"[{style}]{result.status}[/{style}]" if style else result.status
        versions = " ".join(f"{name} {version}" for name, version in sorted(result.versions.items()))
        timing = "cached" if result.cached else f"{result.duration_s:.1f}s"
        # Values such as "keras[jax]" would otherwise be read as markup tags.
        value = escape(_value_text(result.value))
        table.add_row(escape(result.probe_id), status, value, escape(versions), timing, escape(result.reason))
    return table
