"""Child snippet for ``index_wheel_tags.v1``: the installed version and pip's index URLs.

Asks the probed interpreter's own pip (``pip config list`` covers config files and PIP_*
environment variables) so the answer is the index that environment installs from. When
nothing is configured, pip's built-in default index is taken from pip itself.
"""

import importlib.metadata
import subprocess
import sys
from typing import Any, Dict, Optional, Tuple

SECTION_PRECEDENCE = (":env:", "install", "global")


def _pip_config() -> Dict[str, Dict[str, str]]:
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, timeout=60
    )
    values: Dict[str, Dict[str, str]] = {}
    for line in completed.stdout.splitlines():
        key, separator, raw = line.partition("=")
        if separator:
            section, _, name = key.rpartition(".")
            values.setdefault(name, {})[section] = raw.strip().strip("'\"")
    return values


def _pick(values: Dict[str, Dict[str, str]], name: str) -> Tuple[Optional[str], Optional[str]]:
    by_section = values.get(name, {})
    for section in SECTION_PRECEDENCE:
        if section in by_section:
            return by_section[section], "pip config " + section
    return None, None


def _pip_default_index() -> str:
    from pip._internal.models.index import PyPI

    return PyPI.simple_url


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    version = importlib.metadata.version(params["distribution"])
    found = {"distribution": params["distribution"], "version": version}
    if params.get("index_url"):
        found.update(index_url=params["index_url"], index_source="probe params", extra_index_urls=[])
        return found
    values: Dict[str, Dict[str, str]] = {}
    try:
        values = _pip_config()
    except (OSError, subprocess.SubprocessError):
        pass  # no usable pip configuration: fall back to pip's default index below
    index_url, source = _pick(values, "index-url")
    extras, _ = _pick(values, "extra-index-url")
    if index_url is None:
        try:
            index_url, source = _pip_default_index(), "pip default"
        except ImportError:
            index_url, source = None, "pip is not installed in this interpreter"
    found.update(index_url=index_url, index_source=source, extra_index_urls=(extras or "").split())
    return found
