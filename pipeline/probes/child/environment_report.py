"""Child snippet: the interpreter, platform, machine and installed distribution versions.

Cheap on purpose (no framework imports): versions come from ``importlib.metadata``, so the
parent can key its cache on them before deciding what to run.
"""

import importlib.metadata
import os
import platform
import sys
from typing import Any, Dict, Optional


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> Optional[float]:
    try:
        with open("/proc/meminfo", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _version(distribution: str) -> Optional[str]:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": os.path.abspath(sys.executable),
        "platform": platform.platform(),
        "machine": {
            "architecture": platform.machine(),
            "cpu": _cpu_model(),
            "logical_cores": os.cpu_count(),
            "memory_gib": _memory_gib(),
        },
        "versions": {name: _version(name) for name in sorted(set(params.get("distributions", [])))},
    }
