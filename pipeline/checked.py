"""A run's checked claims in reading order, one page (one source key) at a time.

Reports and gating read the checked claims in reading order: by source, then offset. A
small run keeps them in memory; a large one keeps them in a ``Spool`` and reads back one
source's claims at a time, so no stage after judging needs them all at once. Both look
the same to their readers: ``CheckedPages`` iterates like a sequence of ``CheckedClaim``
and gives any one page's claims by its key.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from pipeline.records import CheckedClaim, Claim
from pipeline.spool import Spool

PageItems = tuple[CheckedClaim, ...]


def claim_sort_key(claim: Claim) -> tuple[object, ...]:
    """Reading order: source, then offset (claims without one last), subject, attribute, id."""
    return (claim.source, claim.start is None, claim.start or 0, claim.subject, claim.attribute, claim.id)


def in_reading_order(items: Iterable[CheckedClaim]) -> PageItems:
    """``items`` sorted into reading order."""
    return tuple(sorted(items, key=lambda item: claim_sort_key(item.claim)))


class CheckedPages:
    """Checked claims in reading order, grouped by source key (pages sorted by key)."""

    def __init__(self, keys: list[str], counts: list[int], load: Callable[[int], PageItems]) -> None:
        self.keys: tuple[str, ...] = tuple(keys)
        self._index = {key: index for index, key in enumerate(keys)}
        self._counts = counts
        self._load = load
        self._last: tuple[int, PageItems] | None = None  # pages are asked for again and again, mostly in turn

    @classmethod
    def in_memory(cls, items: Iterable[CheckedClaim]) -> CheckedPages:
        """Pages of claims already in memory."""
        grouped: dict[str, list[CheckedClaim]] = {}
        for item in in_reading_order(items):
            grouped.setdefault(item.claim.source, []).append(item)
        pages = [tuple(found) for found in grouped.values()]
        return cls(list(grouped), [len(page) for page in pages], pages.__getitem__)

    @classmethod
    def spooled(cls, pages: Iterable[tuple[str, PageItems]], spool: Spool[PageItems]) -> CheckedPages:
        """Pages stored in ``spool``; ``pages`` must come in key order, each in reading order."""
        keys, counts = [], []
        for key, items in pages:
            if keys and key <= keys[-1]:
                raise ValueError(f"pages out of order: {key!r} after {keys[-1]!r}")
            keys.append(key)
            counts.append(len(items))
            spool.append(items)
        return cls(keys, counts, spool.__getitem__)

    @classmethod
    def joined(cls, parts: list[CheckedPages]) -> CheckedPages:
        """Consecutive runs of pages as one, keys still in order."""
        keys = [key for part in parts for key in part.keys]
        counts = [count for part in parts for count in part.sizes()]
        where = [(part, index) for part in parts for index in range(len(part.keys))]
        return cls(keys, counts, lambda index: where[index][0]._load(where[index][1]))

    def page(self, key: str) -> PageItems:
        """The claims of one source key, in reading order (none when it has no claims)."""
        index = self._index.get(key)
        if index is None:
            return ()
        if self._last is None or self._last[0] != index:
            self._last = (index, self._load(index))
        return self._last[1]

    def sizes(self) -> list[int]:
        """How many claims each page has, in key order."""
        return list(self._counts)

    def __iter__(self) -> Iterator[CheckedClaim]:
        for key in self.keys:
            yield from self.page(key)

    def __len__(self) -> int:
        return sum(self._counts)

    def __bool__(self) -> bool:
        return any(self._counts)
