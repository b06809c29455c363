"""Comparisons ("X is faster than Y") and rankings ("X tops the list followed by Y and Z").

A comparison cue gives a polarity and maybe an attribute; the compared frameworks are the
mentions under an object marker ("than", "compared to", "as", "unlike"), or "the other N
frameworks", or, in an "X vs Y" section, the other one of the pair. Negation flips the
polarity ("not as well-known as Y": less popular than Y). One reading per compared framework.
Rankings give integer ranks: 1 for "tops the list", the next ranks to frameworks "followed
by" it, and ordinals ("second most popular"; "least popular" of N compared = rank N).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.extract.context import Focus
from pipeline.extract.lexicon import ComparativeCue, Lexicon
from pipeline.extract.matchers import Hit
from pipeline.extract.qualifiers import qualifiers_for
from pipeline.extract.readings import Reading, SentenceView
from pipeline.extract.subjects import SubjectResolver
from pipeline.extract.syntax import compared_marker
from pipeline.extract.values import phrase_around
from pipeline.records import ClaimValue, Relation

RANK_ATTRIBUTE = "popularity"


def _relation_type(lexicon: Lexicon, attribute: str, positive: bool) -> str:
    pair = lexicon.comparatives.relations.get(attribute) or lexicon.comparatives.relations["default"]
    return pair[0] if positive else pair[1]


def _objects(view: SentenceView, lexicon: Lexicon, subject: str, focus: Focus, cue: ComparativeCue) -> list[str]:
    named = [m.subject for m in view.mentions if compared_marker(view.doc, m, lexicon.comparatives)]
    objects = [s for s in dict.fromkeys(named) if s != subject]
    if not objects and view.hits_of("cmp", "others"):
        objects = [s for s in focus.article if s != subject]
    if not objects and cue.polarity != "=" and not cue.explicit_only:
        other = focus.pair_other(subject)
        objects = [other] if other else []
    return objects


def _polarity(cue: ComparativeCue, negated: bool) -> bool | None:
    """True for 'better', False for 'worse', None when the sentence compares nothing."""
    if cue.polarity == "=":
        return False if negated else None
    return (cue.polarity == "+") != negated


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Comparison hits not inside a longer one ("faster prototyping" wins over "faster")."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in hits)]


def _attribute(cue: ComparativeCue, hit: Hit, subject: str, plain: list[Reading]) -> str | None:
    """What is compared: an attribute named right next to the comparison word ("debugging easier",
    "easier model export"), else the cue's own, else the nearest attribute said of the subject."""
    said = [r for r in plain if r.subject == subject and r.cue is not None]
    adjacent = [r for r in said if r.attribute != cue.attribute and (r.cue == hit.start - 1 or hit.end <= r.cue <= hit.end + 1)]
    if adjacent:
        return adjacent[0].attribute
    if cue.attribute:
        return cue.attribute
    nearest = min(said, key=lambda r: abs((r.cue or 0) - hit.start), default=None)
    return nearest.attribute if nearest else None


def _value(lexicon: Lexicon, view: SentenceView, hit: Hit, subject: str, attribute: str, plain: list[Reading]) -> ClaimValue:
    """A text attribute takes the comparison's words; any other keeps the value read for it, if any."""
    spec = lexicon.attribute(attribute)
    if spec is None or spec.value.kind == "text":
        return phrase_around(view.doc, hit.start, hit.end)
    return next((r.value for r in plain if r.subject == subject and r.attribute == attribute), None)


def comparisons(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver, plain: list[Reading]) -> list[Reading]:
    """One reading per (subject, compared framework, attribute) the sentence compares."""
    cues = {c.id: c for c in lexicon.comparatives.cues}
    readings: list[Reading] = []
    for hit in _outermost([h for h in view.hits_of("cmp") if h.rule in cues]):
        cue, token = cues[hit.rule], view.doc[hit.start]
        qualifiers = qualifiers_for(view.doc, list(view.hits), token)
        positive = _polarity(cue, qualifiers.negated)
        if positive is None:
            continue
        for subject in resolver.of(token):
            attribute = _attribute(cue, hit, subject, plain)
            if attribute is None:
                continue
            relation_type = _relation_type(lexicon, attribute, positive)
            value = _value(lexicon, view, hit, subject, attribute, plain)
            for obj in _objects(view, lexicon, subject, resolver.focus, cue):
                relation = Relation(type=relation_type, object=obj)
                readings.append(Reading(subject, attribute, value, f"comparative:{cue.id}", qualifiers, relation, cue=hit.start))
    return readings


def _rank_count(view: SentenceView, lexicon: Lexicon, focus: Focus) -> int:
    for token in view.span:
        if token.lower_ in lexicon.rankings.numbers:
            return lexicon.rankings.numbers[token.lower_]
    return len(focus.article) or 1


def _followers(view: SentenceView, after: int) -> list[str]:
    return list(dict.fromkeys(m.subject for m in view.mentions if m.start >= after))


def _rank_reading(view: SentenceView, subject: str, rank: int, hit: Hit, token: Token) -> Reading:
    qualifiers = qualifiers_for(view.doc, list(view.hits), token)
    return Reading(subject, RANK_ATTRIBUTE, rank, f"ranking:{hit.name}", qualifiers)


def rankings(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver) -> list[Reading]:
    """Integer popularity ranks stated by the sentence."""
    readings: list[Reading] = []
    groups = view.hits_of("rank", "group")
    for hit in view.hits_of("rank", "top"):
        leaders = resolver.of(view.doc[hit.start])
        if len(leaders) != 1:
            continue
        readings.append(_rank_reading(view, leaders[0], 1, hit, view.doc[hit.start]))
        follow = next((h for h in view.hits_of("rank", "followers") if h.start >= hit.end), None)
        if follow is not None:
            ranked = [s for s in _followers(view, follow.end) if s != leaders[0]]
            readings += [_rank_reading(view, s, 2 + n, follow, view.doc[follow.start]) for n, s in enumerate(ranked)]
    ordinals = sorted(view.hits_of("rank", "ordinal"), key=lambda h: (h.start, h.start - h.end))
    taken: set[int] = set()
    for hit in ordinals:
        if taken & set(range(hit.start, hit.end)) or any(g.start <= hit.start <= g.end + 1 for g in groups):
            continue
        taken |= set(range(hit.start, hit.end))
        rank = _rank_count(view, lexicon, resolver.focus) if hit.rule == "last" else int(hit.rule)
        subjects = resolver.of(view.doc[hit.start])
        if len(subjects) == 1:
            readings.append(_rank_reading(view, subjects[0], rank, hit, view.doc[hit.start]))
    return readings
