"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as comparable day ranges.

An article dated "2019" could have been written on any day of 2019, and a fact valid
"until 2020-06" held until some day of June 2020. Every partial date is therefore a range
of days; callers choose the end that gives the claim the benefit of the doubt.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateRange:
    """The first and last day a partial date can stand for, and its precision."""

    first: date
    last: date
    precision: int  # 1 = year, 2 = month, 3 = day

    def text(self) -> str:
        """The date written back at its own precision."""
        parts = (f"{self.first.year:04d}", f"{self.first.month:02d}", f"{self.first.day:02d}")
        return "-".join(parts[: self.precision])


def parse_date(text: object) -> DateRange | None:
    """A DateRange for 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None for anything else."""
    if text is None:
        return None
    return _parse_date_text(str(text).strip())


@lru_cache(maxsize=4096)  # judging asks for the same few dates (publication, facts) again and again
def _parse_date_text(text: str) -> DateRange | None:
    match = DATE_PATTERN.match(text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            exact = date(int(year), int(month), int(day))
            return DateRange(exact, exact, 3)
        if month:
            last_day = calendar.monthrange(int(year), int(month))[1]
            return DateRange(date(int(year), int(month), 1), date(int(year), int(month), last_day), 2)
        return DateRange(date(int(year), 1, 1), date(int(year), 12, 31), 1)
    except ValueError:
        return None


def is_date(text: object) -> bool:
    """True when ``text`` is a well-formed partial date."""
    return parse_date(text) is not None


def same_at_precision(claimed: DateRange, actual: DateRange) -> bool:
    """True when the actual date falls inside the claimed one ("2015" matches 2015-11-09)."""
    return claimed.first <= actual.first and actual.last <= claimed.last or (
        actual.first <= claimed.first and claimed.last <= actual.last
    )
