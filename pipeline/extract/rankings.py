"""Rankings: integer popularity ranks ("X tops the list, followed by Y and Z").

A leader takes rank 1 from a "tops the list" phrase or an ordinal ("the most popular");
frameworks named after a ``followers`` phrase ("followed by") take the next ranks in order;
ordinals give their own rank ("second most popular"; "least popular" of N compared = rank N);
``placed`` phrases ("in third place") rank the framework named just before them. An ordinal
inside a copular clause ranks the predicate ("the most popular framework is X").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import Focus
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.matchers import Hit
from pipeline.extract.qualifiers import qualifiers_for
from pipeline.extract.readings import Reading, SentenceView
from pipeline.extract.subjects import SubjectResolver
from pipeline.extract.syntax import clause_head

RANK_ATTRIBUTE = "popularity"
# "PyTorch in third place": the framework stands at most this many tokens before the phrase.
PLACED_WINDOW = 3


def _rank_count(view: SentenceView, lexicon: Lexicon, focus: Focus) -> int:
    for token in view.span:
        if token.lower_ in lexicon.rankings.numbers:
            return lexicon.rankings.numbers[token.lower_]
    return len(focus.article) or 1


def _rank_reading(view: SentenceView, subject: str, rank: int, hit: Hit, token: Token) -> Reading:
    qualifiers = qualifiers_for(view.doc, list(view.hits), token)
    return Reading(subject, RANK_ATTRIBUTE, rank, f"ranking:{hit.name}", qualifiers, cue=hit.start)


def _predicate(token: Token, resolver: SubjectResolver) -> list[str]:
    """'The most popular framework is X': the framework named as the copula's predicate."""
    head = clause_head(token)
    if head.lemma_ != "be":
        return []
    found = [resolver.by_token[c.i].subject for c in head.children if c.dep_ == "attr" and c.i in resolver.by_token]
    return found[:1]


def _ranked(token: Token, resolver: SubjectResolver) -> list[str]:
    """The one framework a ranking phrase is said of, or nothing when that is unclear."""
    subjects = resolver.of(token)
    if len(subjects) != 1:
        subjects = _predicate(token, resolver)
    return subjects if len(subjects) == 1 else []


def _leaders(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver) -> list[Reading]:
    """Ranks from 'tops the list' and ordinal phrases."""
    readings: list[Reading] = []
    for hit in view.hits_of("rank", "top"):
        readings += [_rank_reading(view, s, 1, hit, view.doc[hit.start]) for s in _ranked(view.doc[hit.start], resolver)]
    groups = view.hits_of("rank", "group")
    taken: set[int] = set()
    for hit in sorted(view.hits_of("rank", "ordinal"), key=lambda h: (h.start, h.start - h.end)):
        if taken & set(range(hit.start, hit.end)) or any(g.start <= hit.start <= g.end + 1 for g in groups):
            continue
        taken |= set(range(hit.start, hit.end))
        rank = _rank_count(view, lexicon, resolver.focus) if hit.rule == "last" else int(hit.rule)
        token = view.doc[hit.start]
        readings += [_rank_reading(view, s, rank, hit, token) for s in _ranked(token, resolver)]
    return readings


def _followers(view: SentenceView, leaders: list[Reading]) -> list[Reading]:
    """'X ..., followed by Y and Z': Y and Z take the ranks after the leader's."""
    first = next((r for r in leaders if r.value == 1), None)
    if first is None:
        return []
    follow = next((h for h in view.hits_of("rank", "followers") if h.start >= (first.cue or 0)), None)
    if follow is None:
        return []
    named = dict.fromkeys(m.subject for m in view.mentions if m.start >= follow.end)
    ranked = [s for s in named if s != first.subject]
    token = view.doc[follow.start]
    return [_rank_reading(view, s, 2 + n, follow, token) for n, s in enumerate(ranked)]


def _placed(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver) -> list[Reading]:
    """'with Y in third place': the framework named just before the phrase takes its rank."""
    readings = []
    for hit in view.hits_of("rank", "placed"):
        before = [m for m in view.mentions if m.start < hit.start and hit.start - m.end <= PLACED_WINDOW]
        subjects = [before[-1].subject] if before else _ranked(view.doc[hit.start], resolver)
        rank = _rank_count(view, lexicon, resolver.focus) if hit.rule == "last" else int(hit.rule)
        readings += [_rank_reading(view, s, rank, hit, view.doc[hit.start]) for s in subjects]
    return readings


def rankings(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver) -> list[Reading]:
    """Integer popularity ranks stated by the sentence; a placed rank wins over a counted one."""
    leaders = _leaders(view, lexicon, resolver)
    placed = _placed(view, lexicon, resolver)
    said = {r.subject for r in leaders + placed}
    followers = [r for r in _followers(view, leaders) if r.subject not in said]
    return leaders + followers + placed
