"""Which framework(s) a cue word is said of.

The clause subject decides: a framework (with its coordinated ones: "TensorFlow and PyTorch
provide..." gives both), a pronoun or "the framework" (the framework in focus, or one named
as subject earlier in the same sentence), "both"/"all three" (the section's or article's
frameworks), a phrase containing a framework ("The APIs offered by TensorFlow"). With another
subject ("Researchers turn to PyTorch") the frameworks named in the sentence and not compared
with are meant; with none, the framework in focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.extract.context import Focus
from pipeline.extract.entities import Mention
from pipeline.extract.readings import SentenceView
from pipeline.extract.syntax import SUBJECT_DEPS, clause_subject, subtree_mentions

TOPIC_WINDOW = 3


@dataclass(frozen=True)
class SubjectResolver:
    """Resolves subjects within one sentence."""

    view: SentenceView
    by_token: dict[int, Mention]
    compared: frozenset[Mention]
    focus: Focus
    topic_prepositions: tuple[str, ...]
    numbers: dict[str, int]
    plural_pronouns: tuple[str, ...] = ()
    anaphor_nouns: tuple[str, ...] = ()

    def topic(self) -> str | None:
        """'In Keras, ...': a framework introduced by a sentence-initial preposition."""
        first = self.view.span[: TOPIC_WINDOW + 1]
        if len(first) and first[0].lower_ in self.topic_prepositions:
            mention = next((self.by_token[t.i] for t in first[1:] if t.i in self.by_token), None)
            return mention.subject if mention else None
        return None

    def _ref(self, token: Token, name: str) -> bool:
        if name == "anaphor" and token.lemma_ in self.anaphor_nouns:
            if any(c.dep_ == "det" and c.lower_ in ("this", "the") for c in token.children):
                return True
        return any(h.start <= token.i < h.end for h in self.view.hits_of("ref", name)) or any(
            child.dep_ == "poss" and self._ref(child, name) for child in token.children if child.i != token.i
        )

    def _plural_before(self, before: int) -> bool:
        return any(h.start < before for h in self.view.hits_of("ref", "plural"))

    def _plural_count(self) -> int | None:
        for hit in self.view.hits_of("ref", "plural"):
            for token in self.view.doc[hit.start : hit.end]:
                if token.lower_ in self.numbers:
                    return self.numbers[token.lower_]
        return None

    def _earlier(self, before: int) -> str | None:
        """The framework a pronoun takes up from earlier in the same sentence: the last one named as a
        clause subject ("X dropped Y and Z, so it ..." is X), else the last named, unless only compared with."""
        doc = self.view.doc
        for mention in reversed(self.view.mentions):
            token = doc[mention.root]
            if mention.start < before and mention not in self.compared and token.dep_ in SUBJECT_DEPS:
                return mention.subject
        for mention in reversed(self.view.mentions):
            if mention.start < before and mention not in self.compared:
                return mention.subject
        return None

    def _named(self) -> list[str]:
        return list(dict.fromkeys(m.subject for m in self.view.mentions if m not in self.compared))

    def fallback(self) -> list[str]:
        chosen = self.topic() or (self.focus.item() if self.view.item else self.focus.pronoun())
        return [chosen] if chosen else []

    def of(self, cue: Token) -> list[str]:
        """The subjects of the clause governing ``cue``."""
        subject = clause_subject(cue)
        if subject is None:
            # a fragment or an imperative: a framework inside the cue's own phrase, else the focus
            inside = [m.subject for m in subtree_mentions(cue, self.by_token) if m not in self.compared]
            named = self._named()
            return list(dict.fromkeys(inside)) or (named if len(named) == 1 else self.fallback())
        mention = self.by_token.get(subject.i)
        if mention is not None:
            conjoined = [self.by_token[c.i].subject for c in subject.conjuncts if c.i in self.by_token]
            return list(dict.fromkeys([mention.subject, *conjoined]))
        if self._ref(subject, "plural") or (subject.lower_ in self.plural_pronouns and self._plural_before(subject.i)):
            return list(self.focus.plural(self._plural_count()))
        if self._ref(subject, "anaphor") or subject.lower_ in ("it", "its"):
            earlier = self.topic() or self._earlier(subject.i)
            chosen = earlier or (self.focus.item() if self.view.item else self.focus.pronoun())
            return [chosen] if chosen else []
        inside = [m.subject for m in subtree_mentions(subject, self.by_token) if m not in self.compared]
        if inside:
            return list(dict.fromkeys(inside))
        if subject.pos_ == "PROPN" and cue.head.i == subject.i and cue.dep_ in ("acl", "relcl", "appos"):
            # "TorchServe, maintained by AWS, serves PyTorch models": the cue describes another named product
            return []
        return self._named() or self.fallback()

    def explicit(self) -> list[str]:
        """The frameworks the sentence is about, for what 'it' means next.

        Those named as (or inside) a clause subject; else the only framework named at all.
        """
        found = []
        for mention in self.view.mentions:
            token = self.view.doc[mention.root]
            if token.dep_ in SUBJECT_DEPS or (token.dep_ == "conj" and token.head.dep_ in SUBJECT_DEPS):
                found.append(mention.subject)
        topic = self.topic()
        if topic and not found:
            return [topic]
        # the sentence's own root (Span.root would measure every token's depth)
        root = next((t for t in self.view.span if t.head.i == t.i), self.view.span[0])
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and not found:
                if self._ref(child, "anaphor") or child.lower_ in ("it", "its"):
                    return []
                found += [m.subject for m in subtree_mentions(child, self.by_token) if m not in self.compared]
        named = self._named()
        return found or (named if len(named) == 1 else [])
