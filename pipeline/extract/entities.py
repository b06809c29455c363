"""Framework mentions: the EntityRuler's spans, with ambiguous aliases decided by context.

The ruler's patterns come from the vocabulary's aliases plus ``frameworks.yaml`` (see
``nlp.framework_patterns``); an alias that two subjects share ("torch": PyTorch or the Lua
Torch) is decided by the words next to it, as ``frameworks.yaml`` says.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.extract.lexicon import Frameworks
from pipeline.extract.nlp import FRAMEWORK_LABEL


@dataclass(frozen=True)
class Mention:
    """One framework named in the text: tokens [start, end), characters [start_char, end_char)."""

    subject: str
    start: int
    end: int
    start_char: int
    end_char: int

    @property
    def root(self) -> int:
        """Index of the last token, which carries the mention's syntactic role."""
        return self.end - 1


def _decide(span: Span, frameworks: Frameworks) -> str:
    ambiguous = frameworks.ambiguous.get(span.text.lower())
    if ambiguous is None:
        return span.ent_id_ or span.label_
    doc = span.doc
    previous = doc[span.start - 1].lower_ if span.start > 0 else ""
    following = doc[span.end].text if span.end < len(doc) else ""
    glued = span.end < len(doc) and not doc[span.end - 1].whitespace_
    for rule in ambiguous.rules:
        if previous in rule.after or (glued and following in rule.before):
            return rule.subject
    return ambiguous.default


def find_mentions(doc: Doc, frameworks: Frameworks, known: set[str]) -> list[Mention]:
    """The framework mentions of ``doc``, in order."""
    mentions = []
    for span in doc.ents:
        if span.label_ != FRAMEWORK_LABEL:
            continue
        subject = _decide(span, frameworks)
        if subject in known:
            mentions.append(Mention(subject, span.start, span.end, span.start_char, span.end_char))
    return mentions


def index_mentions(mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> mention, for every token of every mention."""
    return {i: m for m in mentions for i in range(m.start, m.end)}
