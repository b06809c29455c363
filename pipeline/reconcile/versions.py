"""Version notations in claimed values: "3.9+" and "3.9–3.13" as the versions they name.

Articles write supported versions as a minimum ("3.10+", "3.9 or newer") or a range
("3.9–3.13"); facts list one version per entry. A minimum names its lowest version (the
claim is that this one is supported, which stops holding once it is dropped); a range
names every minor version in it, so each can be checked against the facts of its day.
"""

from __future__ import annotations

import re

MINIMUM = re.compile(r"^\s*(?:python\s*)?(\d+)\.(\d+)\s*(?:\+|or (?:newer|later|above|higher)|and (?:newer|later|up|above))\s*$", re.I)
RANGE = re.compile(r"^\s*(?:python\s*)?(\d+)\.(\d+)\s*(?:–|—|-|to|through)\s*(?:python\s*)?(\d+)\.(\d+)\s*$", re.I)
# a range wider than this is more likely a misreading than a support matrix
MAX_MINORS = 20


def version_tokens(text: str) -> frozenset[str] | None:
    """The versions a minimum or range notation names, or None when ``text`` is neither."""
    minimum = MINIMUM.match(text)
    if minimum:
        return frozenset({f"{minimum.group(1)}.{minimum.group(2)}"})
    span = RANGE.match(text)
    if span:
        major, low, end_major, high = (int(part) for part in span.groups())
        if major == end_major and 0 <= high - low <= MAX_MINORS:
            return frozenset(f"{major}.{minor}" for minor in range(low, high + 1))
    return None
