"""One chunk of articles, from cached or parsed claims to staged claim files and readings.

Each article's new claim file (reviews merged from the previous one) is written into the
run's staging folder, never over the file itself: the caller moves the staged files into
``claims/extracted/`` only once every previous file was read without error, so one
malformed file leaves them all untouched. The extraction cache is written here, since an
entry that cannot be written only costs speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.collector import long_lived
from pipeline.errors import ErrorGroup, FactcheckError
from pipeline.incremental.extraction import ExtractionCache, extract_incrementally
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.reading import Reading, read_claim
from pipeline.records import Claim, Source
from pipeline.vocab import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class ArticleSetup:
    """What every chunk needs, small enough to send to a worker process once."""

    vocabulary: Path
    claims_dir: Path  # the run's claims folder: its lexicon, and ``extracted/`` when syncing
    cache: Path | None  # the extraction cache folder; None reads and writes no cache
    rules: str  # digest of everything extraction depends on besides the article
    # where new claim files are written, reviews merged from the previous ones; None merges
    # and writes nothing
    staging: Path | None
    # the sources folder when the sources come without their text (a large run holds none of
    # them): each is read here, where it is parsed; None when they come with it
    sources_dir: Path | None = None


@dataclass(frozen=True)
class PreparedArticle:
    """One article ready for the corpus-wide stages."""

    file: str
    parsed: bool  # spaCy parsed it in this run (a cache miss)
    claims: tuple[Claim, ...]  # as the claim file holds them: reviews merged
    orphaned: tuple[Claim, ...]  # reviews whose quote is no longer in the article
    readings: tuple[tuple[str, Reading], ...]  # (claim id, reading) of each claim not rejected in review
    staged: Path | None  # the claim file's new version, in the staging folder
    errors: tuple[FactcheckError, ...]  # problems in the previous claim file


class ChunkWorker:
    """Holds the vocabulary and lexicons across chunks; spaCy is loaded on the first cache miss."""

    def __init__(self, setup: ArticleSetup) -> None:
        self.setup = setup
        self.vocab: Vocabulary = load_vocabulary(setup.vocabulary)
        self.lexicon = load_lexicon()
        self.cache = ExtractionCache(setup.cache, setup.rules) if setup.cache is not None else None

    def _extract(self, sources: list[Source]) -> list[Claim]:
        from pipeline.extract import extract_claims  # loads spaCy: only when an article changed

        return extract_claims(sources, self.vocab, self.setup.claims_dir)

    def prepare(self, sources: list[Source]) -> list[PreparedArticle]:
        """Every source of the chunk, in the chunk's order."""
        if self.setup.sources_dir is not None:
            from pipeline.ingest.loader import with_text

            sources = [with_text(source, folder=self.setup.sources_dir) for source in sources]
        with long_lived():  # as in the main process: a worker's spaCy pipeline is walked by no collection
            found = extract_incrementally(sources, self.cache, self._extract)
            return [self._article(source, found.by_source[source.file], source.file in found.parsed) for source in sources]

    def _article(self, source: Source, claims: list[Claim], parsed: bool) -> PreparedArticle:
        if self.setup.staging is None:
            return PreparedArticle(source.file, parsed, tuple(claims), (), self._readings(claims), None, ())
        from pipeline.catalog.claims import extracted_path
        from pipeline.catalog.review import sync_article

        try:
            merged = sync_article(self.setup.claims_dir / "extracted", source, claims, self.vocab, self.setup.staging)
        except ErrorGroup as group:
            return PreparedArticle(source.file, parsed, (), (), (), None, tuple(group.errors))
        except FactcheckError as error:
            return PreparedArticle(source.file, parsed, (), (), (), None, (error,))
        staged = extracted_path(self.setup.staging, source)
        readings = self._readings(merged.claims)
        return PreparedArticle(source.file, parsed, tuple(merged.claims), tuple(merged.orphaned), readings, staged, ())

    def _readings(self, claims: list[Claim]) -> tuple[tuple[str, Reading], ...]:
        return tuple((claim.id, read_claim(claim, self.vocab, self.lexicon)) for claim in claims if claim.review != "rejected")
