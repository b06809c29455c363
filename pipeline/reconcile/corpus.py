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
from pipeline.records import Claim, Contradiction, Fact, ProbeResult, Source
from pipeline.spool import Spool
from pipeline.vocab import Vocabulary


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

    def in_key_order(self) -> Iterator[ArticleClaims]:
        for key in sorted(self._entries):
            yield self.article(key)

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


def _judged_pages(corpus: Corpus, judging: Judge) -> Iterator[tuple[str, PageItems]]:
    for article in corpus.in_key_order():
        yield article.key, in_reading_order(judging.judge(article.claims, article.readings))


def judge_corpus(
    corpus: Corpus,
    sources: list[Source],
    probe_results: list[ProbeResult],
    facts: list[Fact],
    vocab: Vocabulary,
) -> tuple[CheckedPages, list[Contradiction]]:
    """Every claim of the corpus with its verdict (kept in a spool), and the contradictions."""
    lexicon = load_lexicon()
    findings = contradictions_in(corpus.contradiction_input, lexicon)
    named = corpus.find(findings.named())
    judging = start_judging(findings, named, sources, probe_results, facts, vocab, lexicon)
    checked = CheckedPages.spooled(_judged_pages(corpus, judging), Spool())
    return checked, judging.explain()
