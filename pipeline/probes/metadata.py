"""Reading package metadata the way a fact-checker needs it.

``spdx_license`` picks the project's own license as an SPDX id (metadata often lists every
bundled component's license too), ``supported_python_minors`` expands ``Requires-Python``
into minor versions, ``organisation`` names who publishes the distribution.
"""

from __future__ import annotations

import re
from typing import Any

LICENSE_NAMES = {
    "apache 2": "Apache-2.0",
    "apache 2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache license version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "bsd 3-clause": "BSD-3-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "new bsd": "BSD-3-Clause",
    "bsd-2-clause": "BSD-2-Clause",
    "mit": "MIT",
    "mit license": "MIT",
}
LICENSE_CLASSIFIERS = {
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: MIT License": "MIT",
}
# Phrases that identify a license text; the license whose phrase appears first wins,
# because a project's own license precedes the bundled ones in its LICENSE file.
LICENSE_TEXT_MARKERS = (
    ("Apache-2.0", ("apache license", "version 2.0")),
    ("BSD-3-Clause", ("redistribution and use in source and binary forms", "neither the name")),
    ("BSD-2-Clause", ("redistribution and use in source and binary forms",)),
    ("MIT", ("permission is hereby granted, free of charge",)),
)
COMPOUND = re.compile(r"\s(AND|OR)\s")


def classify_license_text(text: str | None) -> str | None:
    """The SPDX id of a license text, by its characteristic phrases."""
    if not text:
        return None
    lowered = text.lower()
    found = []
    for rank, (spdx, phrases) in enumerate(LICENSE_TEXT_MARKERS):
        positions = [lowered.find(phrase) for phrase in phrases]
        if all(position >= 0 for position in positions):
            # On a tie the marker listed first wins: BSD-3-Clause's phrases include BSD-2-Clause's.
            found.append((positions[0], rank, spdx))
    return min(found)[2] if found else None


def spdx_license(meta: dict[str, Any]) -> tuple[str | None, str]:
    """(SPDX id or expression, which metadata decided it)."""
    expression = meta.get("license_expression")
    if expression and not COMPOUND.search(expression):
        return expression, "license_expression"
    from_file = classify_license_text(meta.get("license_file_text"))
    if from_file and (not expression or from_file in expression):
        return from_file, "license_file"
    named = LICENSE_NAMES.get((meta.get("license") or "").strip().lower())
    if named:
        return named, "license_field"
    for classifier in meta.get("license_classifiers") or []:
        if classifier in LICENSE_CLASSIFIERS:
            return LICENSE_CLASSIFIERS[classifier], "classifier"
    raw = expression or meta.get("license")
    return (raw, "raw") if raw else (None, "none")


CLAUSE = re.compile(r"^\s*(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?\s*$")
OPERATORS = {
    "==": lambda v, t: v == t,
    "===": lambda v, t: v == t,
    "!=": lambda v, t: v != t,
    ">=": lambda v, t: v >= t,
    "<=": lambda v, t: v <= t,
    ">": lambda v, t: v > t,
    "<": lambda v, t: v < t,
}


def _satisfies(version: tuple[int, int, int], operator: str, target: tuple[int, ...], wildcard: bool) -> bool:
    if wildcard:
        matches = version[: len(target)] == target
        return matches if operator == "==" else not matches
    padded = (target + (0, 0, 0))[:3]
    if operator == "~=":
        return version >= padded and version[: len(target) - 1] == target[:-1]
    return OPERATORS[operator](version, padded)


def supported_python_minors(
    requires_python: str | None, classifiers: list[str], interpreter: str
) -> tuple[list[str], str]:
    """Python 3 minors some patch release of which satisfies ``requires_python``.

    An open-ended specifier (``>=3.10``) is bounded by the highest version classifier, or
    by the probed interpreter when there are none; the second item says which.
    """
    listed = [int(m) for c in classifiers for m in re.findall(r"^Programming Language :: Python :: 3\.(\d+)$", c)]
    if listed:
        upper, bound = max(listed), "classifiers"
    else:
        running = re.match(r"3\.(\d+)", interpreter)
        upper, bound = (int(running.group(1)) if running else 0), "interpreter"
    clauses = []
    for text in (requires_python or "").split(","):
        match = CLAUSE.match(text)
        if match:
            target = tuple(int(part) for part in match.group(2).split("."))
            clauses.append((match.group(1), target, bool(match.group(3))))
    minors = [
        f"3.{minor}"
        for minor in range(upper + 1)
        if any(all(_satisfies((3, minor, patch), *clause) for clause in clauses) for patch in range(30))
    ]
    return minors, bound


def organisation(meta: dict[str, Any]) -> str | None:
    """Who the metadata says publishes the distribution: author, else maintainer."""
    for name_key, email_key in (("author", "author_email"), ("maintainer", "maintainer_email")):
        if meta.get(name_key):
            return str(meta[name_key])
        email = meta.get(email_key) or ""
        name = email.split("<", 1)[0].strip().strip('"')
        if name and "@" not in name:
            return name
    return None


def home_page(meta: dict[str, Any]) -> str | None:
    """The project's home page from Home-page or a Homepage-like project URL."""
    if meta.get("home_page"):
        return str(meta["home_page"])
    urls = meta.get("project_urls") or {}
    for label in sorted(urls):
        if label.lower().replace("-", "").replace(" ", "") in {"homepage", "home"}:
            return str(urls[label])
    return None
