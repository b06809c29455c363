"""The table ``factcheck probe`` prints."""

from __future__ import annotations

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


def _value_text(value: ClaimValue) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "(none)"
    return "" if value is None else str(value)


def render_probe_table(results: list[ProbeResult]) -> Table:
    """One row per probe: what it decided, on which versions, and why when it could not."""
    table = Table(title="Probes", show_lines=False)
    for header, style in (("probe", "bold"), ("status", ""), ("value", ""), ("versions", "dim"), ("time", "dim"), ("reason", "")):
        table.add_column(header, style=style or None, overflow="fold")
    for result in sorted(results, key=lambda r: r.probe_id):
        style = STATUS_STYLES.get(result.status, "")
        status = f"[{style}]{result.status}[/{style}]" if style else result.status
        versions = " ".join(f"{name} {version}" for name, version in sorted(result.versions.items()))
        timing = "cached" if result.cached else f"{result.duration_s:.1f}s"
        table.add_row(result.probe_id, status, _value_text(result.value), versions, timing, result.reason)
    return table
