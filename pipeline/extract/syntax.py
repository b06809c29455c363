"""Who a clause speaks of, read from the dependency parse.

``clause_subject`` walks up from a cue word to the nearest clause that has a subject (through
relative pronouns to their antecedent, so "a framework that was launched in 2015" is about
the framework's clause subject). ``compared_marker`` tells whether a framework mention is
the object of a comparison ("than X", "compared to X", "as X", "unlike X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.extract.entities import Mention
from pipeline.extract.lexicon import Comparatives

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
CLAUSE_DEPS = frozenset({"ROOT", "advcl", "relcl", "ccomp", "xcomp", "acl", "csubj", "parataxis"})
# Dependencies through which a mention stays part of the phrase that contains it.
PHRASE_DEPS = frozenset({"pobj", "conj", "appos", "compound", "nmod", "cc", "poss", "amod", "npadvmod", "dobj", "punct"})
MAX_WALK = 40


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause that governs ``token``, or None for a subject-less fragment."""
    node, steps = token, 0
    while steps < MAX_WALK:
        steps += 1
        subject = _subject_child(node)
        if subject is not None and subject.i != token.i and token not in subject.subtree:
            if subject.lower_ not in RELATIVE_PRONOUNS or node.dep_ != "relcl":
                return subject
            antecedent = node.head
            # "Keras' interface, which is easier": the antecedent's own words name the framework
            named = antecedent.ent_type_ or any(c.ent_type_ and c.dep_ in ("poss", "compound") for c in antecedent.children)
            return antecedent if named else clause_subject(antecedent)
        if subject is not None and token in subject.subtree and node.dep_ not in CLAUSE_DEPS:
            return subject
        if node.head.i == node.i:
            return subject
        node = node.head
    return None


def _subject_child(node: Token) -> Token | None:
    """The subject of ``node``; a small parser sometimes hangs it on the auxiliary instead."""
    for child in node.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for aux in node.children:
        if aux.dep_ in ("aux", "auxpass"):
            found = next((c for c in aux.children if c.dep_ in SUBJECT_DEPS), None)
            if found is not None:
                return found
    return None


def clause_head(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    node, steps = token, 0
    while node.dep_ not in CLAUSE_DEPS and node.head.i != node.i and steps < MAX_WALK:
        node, steps = node.head, steps + 1
    return node


def same_clause(a: Token, b: Token) -> bool:
    """True when two tokens belong to the same clause."""
    return clause_head(a).i == clause_head(b).i


def compared_marker(doc: Doc, mention: Mention, comparatives: Comparatives) -> str | None:
    """'than', 'as', 'compare' or another object marker when the mention is a compared object."""
    node = doc[mention.root]
    for _ in range(6):
        marker = _marker(node, comparatives)
        if marker is not None:
            return marker
        if node.dep_ not in PHRASE_DEPS or node.head.i == node.i:
            break
        node = node.head
    previous = doc[mention.start - 1] if mention.start > 0 else None
    if previous is not None and previous.lower_ in comparatives.object_markers:
        return previous.lower_
    return None


def _marker(node: Token, comparatives: Comparatives) -> str | None:
    lower = node.lower_
    if lower in comparatives.leading_markers and node.dep_ == "prep" and node.i <= node.sent.start + 1:
        return lower
    if node.dep_ in ("prep", "mark", "cc", "advmod") and lower in comparatives.object_markers:
        return lower
    if node.dep_ == "prep" and lower == comparatives.equality_marker:
        return lower
    if node.dep_ == "dobj" and node.head.lower_ in comparatives.object_markers:
        return node.head.lower_
    if node.dep_ in ("prep", "pcomp") and node.head.lower_ in comparatives.object_markers:
        # "easier than in X", "slower than writing X": a preposition or verb between the marker and X
        return node.head.lower_
    if lower in comparatives.compare_prepositions and node.dep_ in ("prep", "dative"):
        before = node.doc[node.i - 1] if node.i > 0 else node
        if node.head.lower_ in comparatives.compare_heads or before.lower_ in comparatives.compare_heads:
            return "compare"
    return None


def subtree_mentions(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """Mentions inside the subtree of ``token``, in order, each once."""
    found: list[Mention] = []
    for node in token.subtree:
        mention = by_token.get(node.i)
        if mention is not None and mention not in found:
            found.append(mention)
    return found
