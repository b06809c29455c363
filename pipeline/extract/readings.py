"""What one sentence says, before it becomes Claim records.

A ``SentenceView`` bundles a sentence with its matches and framework mentions; a ``Reading``
is one (subject, attribute, value, relation) found in it. Readings are frozen, and the
extractor turns them into ``Claim`` records with ids and quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.extract.entities import Mention
from pipeline.extract.matchers import Hit
from pipeline.records import ClaimValue, Qualifiers, Relation


@dataclass(frozen=True)
class SentenceView:
    """One sentence: its tokens, quote bounds, matches, mentions, and layout."""

    doc: Doc
    span: Span
    start: int
    end: int
    hits: tuple[Hit, ...]
    mentions: tuple[Mention, ...]
    item: bool
    article: str

    @property
    def text(self) -> str:
        """The quote: the sentence without surrounding blanks and bullet marks."""
        return self.article[self.start : self.end]

    def hits_of(self, family: str, name: str | None = None) -> list[Hit]:
        """The matches of one family (and name)."""
        return [h for h in self.hits if h.family == family and (name is None or h.name == name)]


@dataclass(frozen=True)
class Reading:
    """One claim read from a sentence or a table cell."""

    subject: str
    attribute: str
    value: ClaimValue
    rule: str
    qualifiers: Qualifiers = Qualifiers()
    relation: Relation | None = None
    start: int | None = None
    end: int | None = None
    table_row: str | None = None
    cue: int | None = None
