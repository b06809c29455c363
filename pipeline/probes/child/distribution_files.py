"""Child snippet for ``distribution_files.v1``: what kinds of files a distribution ships.

Counts come from the distribution's RECORD (what was installed from the wheel), so the
answer is about the shipped artefact, not about the project's source repository.
"""

import importlib.metadata
import re
from typing import Any, Dict

CATEGORIES = (
    ("python", (".py",)),
    ("c_cpp_headers", (".h", ".hh", ".hpp", ".hxx", ".inl")),
    ("c_cpp_sources", (".c", ".cc", ".cpp", ".cxx")),
    ("cuda_sources", (".cu",)),
    ("cuda_headers", (".cuh",)),
    ("lua", (".lua",)),
    ("java", (".java", ".jar")),
    ("javascript", (".js",)),
)
SHARED_LIBRARY = re.compile(r"\.(so(\.\d+)*|dylib|dll|pyd)$")


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    distribution = importlib.metadata.distribution(params["distribution"])
    counts = {name: 0 for name, _ in CATEGORIES}
    counts["shared_libraries"] = 0
    counts["headers_in_cuda_folders"] = 0
    files = distribution.files or []
    for entry in files:
        path = str(entry).lower()
        for name, suffixes in CATEGORIES:
            if path.endswith(suffixes):
                counts[name] += 1
        if SHARED_LIBRARY.search(path):
            counts["shared_libraries"] += 1
        if "/cuda/" in path and path.endswith((".h", ".hpp", ".cuh")):
            counts["headers_in_cuda_folders"] += 1
    metadata: Any = distribution.metadata
    return {
        "distribution": metadata.get("Name"),
        "version": distribution.version,
        "files": len(files),
        "counts": counts,
    }
