"""Reconcile a corpus of any size: claims stored away article by article, then judged the same way.

Finding contradictions needs every claim; judging one needs only its own article, the
contradictions, and the few claims those name. So ``Corpus`` keeps each article's claims
and readings in a ``Spool`` on disk and only the reading classes in memory
(``ContradictionInput``); ``judge_corpus`` then finds the contradictions, reads back the
claims they name, and judges one article at a time into another spool, in reading order.
Memory stays flat as the corpus grows; the verdicts are those ``reconcile`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from pipeline.checked import CheckedPages, PageItems, in_reading_order
from pipeline.reconcile import ContradictionInput, Judge, contradictions_in, start_judging
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.reading import Reading
from pipeline.records import CheckedClaim, Claim, Contradiction, Fact, ProbeResult, Source
from pipeline.spool import Spool
from pipeline.vocab import Vocabulary
from pipeline.workers import can_fork, worker_pool


@dataclass(frozen=True)
class ArticleClaims:
    """The claims of one source key to judge, with their readings."""

    key: str
    claims: tuple[Claim, ...]
    readings: dict[str, Reading]


def _stem(claim_id: str) -> str:
    # an extracted claim's id starts with its source's stem (``claim_id``); a hand-written one may not
    return claim_id.rsplit("-", 1)[0]


class Corpus:
    """Every claim to judge, stored away by source key, and their reading classes."""

    def __init__(self) -> None:
        self.spool: Spool[ArticleClaims] = Spool()
        self.contradiction_input = ContradictionInput()
        self._entries: dict[str, list[int]] = {}  # source key -> spool entries
        self._by_stem: dict[str, set[str]] = {}  # id stem -> source keys with a claim of that stem

    def add(self, key: str, claims: Iterable[Claim], readings: dict[str, Reading]) -> None:
        """Claims of the source ``key`` (in input order) and their readings, stored and compared."""
        claims = tuple(claims)
        self.contradiction_input.add(claims, readings)
        self.store(key, claims, readings)

    def store(self, key: str, claims: Iterable[Claim], readings: dict[str, Reading]) -> None:
        """Claims of the source ``key`` stored for judging; comparing them is the caller's business."""
        claims = tuple(claims)
        self._entries.setdefault(key, []).append(self.spool.append(ArticleClaims(key, claims, readings)))
        for claim in claims:
            self._by_stem.setdefault(_stem(claim.id), set()).add(key)

    def article(self, key: str) -> ArticleClaims:
        """Every claim of the source ``key``, all its entries together."""
        entries = [self.spool[index] for index in self._entries.get(key, ())]
        readings = {claim_id: reading for entry in entries for claim_id, reading in entry.readings.items()}
        return ArticleClaims(key, tuple(claim for entry in entries for claim in entry.claims), readings)

    def keys(self) -> list[str]:
        """Every source key with claims, sorted."""
        return sorted(self._entries)

    def find(self, claim_ids: set[str]) -> dict[str, tuple[Claim, Reading]]:
        """The claims with these ids and their readings, reading only the articles that can hold them."""
        keys = sorted({key for claim_id in claim_ids for key in self._by_stem.get(_stem(claim_id), ())})
        found: dict[str, tuple[Claim, Reading]] = {}
        for key in keys:
            article = self.article(key)
            found.update((claim.id, (claim, article.readings[claim.id])) for claim in article.claims if claim.id in claim_ids)
        return found

    def close(self) -> None:
        self.spool.close()


def _judged_pages(corpus: Corpus, judging: Judge, keys: list[str]) -> Iterator[tuple[str, PageItems]]:
    for key in keys:
        article = corpus.article(key)
        yield key, in_reading_order(judging.judge(article.claims, article.readings))


_job: dict[str, object] = {}  # what a forked judging process inherits: corpus, judge, key ranges, spools


def _judge_share(index: int) -> tuple[list[int], tuple[list[tuple[int, int]], int], dict[str, CheckedClaim]]:
    """One range of keys judged into its spool: the page sizes, where they were written, and
    the verdicts of the claims contradictions name."""
    corpus, judging = _job["corpus"], _job["judging"]
    keys, spool = _job["ranges"][index], _job["spools"][index]  # type: ignore[index]
    pages = CheckedPages.spooled(_judged_pages(corpus, judging, keys), spool)  # type: ignore[arg-type]
    return pages.sizes(), spool.written(), judging.named_verdicts  # type: ignore[attr-defined]


def _judge_in_processes(corpus: Corpus, judging: Judge, keys: list[str], jobs: int) -> CheckedPages:
    """The keys cut into ``jobs`` runs, each judged in a process of its own (forked, so it
    inherits the corpus and the judge) into a spool made here."""
    size = -(-len(keys) // jobs)
    ranges = [keys[start : start + size] for start in range(0, len(keys), size)]
    spools: list[Spool[PageItems]] = [Spool() for _ in ranges]
    _job.update(corpus=corpus, judging=judging, ranges=ranges, spools=spools)
    try:
        with worker_pool(len(ranges) - 1, "fork") as pool:
            others = [pool.submit(_judge_share, index) for index in range(1, len(ranges))]
            results = [_judge_share(0)] + [future.result() for future in others]
    finally:
        _job.clear()
    parts = []
    for keys_of, spool, (counts, written, named) in zip(ranges, spools, results):
        if keys_of is not ranges[0]:
            spool.adopt(written)
            judging.adopt(named)
        parts.append(CheckedPages(keys_of, counts, spool.__getitem__))
    return CheckedPages.joined(parts)


def judge_corpus(
    corpus: Corpus,
    sources: list[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
    jobs: int = 1,
) -> tuple[CheckedPages, list[Contradiction]]:
    """Every claim of the corpus with its verdict (kept in a spool), and the contradictions.

    With ``jobs`` above 1 (and a process that may fork), the articles are judged in that
    many processes; the verdicts are the same.
    """
    lexicon = load_lexicon()
    findings = contradictions_in(corpus.contradiction_input, lexicon)
    named = corpus.find(findings.named())
    judging = start_judging(findings, named, sources, probe_results, facts, vocab, lexicon)
    keys = corpus.keys()
    if jobs > 1 and len(keys) > 1 and can_fork():
        checked = _judge_in_processes(corpus, judging, keys, jobs)
    else:
        checked = CheckedPages.spooled(_judged_pages(corpus, judging, keys), Spool())
    return checked, judging.explain()
