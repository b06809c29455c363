"""Comparisons ("X is faster than Y") and rankings ("X tops the list followed by Y and Z").

A comparison cue gives a polarity and maybe an attribute; the compared frameworks are the
mentions under an object marker ("than", "compared to", "as", "unlike"), or "the other N
frameworks", or, in an "X vs Y" section, the other one of the pair. Negation flips the
polarity ("not as well-known as Y": less popular than Y). One reading per compared framework.
Rankings (integer ranks) are read in ``rankings.py``.
"""

from __future__ import annotations

from pipeline.extract.context import Focus
from pipeline.extract.lexicon import ComparativeCue, Lexicon
from pipeline.extract.matchers import Hit
from pipeline.extract.qualifiers import qualifiers_for
from pipeline.extract.readings import Reading, SentenceView
from pipeline.extract.subjects import SubjectResolver
from pipeline.extract.syntax import compared_marker
from pipeline.extract.values import phrase_around
from pipeline.records import ClaimValue, Relation

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


def _subject_noun(view: SentenceView, hit: Hit, cue_index: int) -> bool:
    """True when an attribute cue is the grammatical subject of the comparison ("Debugging is easier")."""
    noun, word = view.doc[cue_index], view.doc[hit.start]
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == word.head.i and noun.i < word.i


def _attribute(view: SentenceView, cue: ComparativeCue, hit: Hit, subject: str, plain: list[Reading]) -> str | None:
    """What is compared: an attribute named right next to the comparison word ("debugging easier",
    "easier model export") or as its subject ("debugging is easier"), else the cue's own, else the
    nearest attribute said of the subject."""
    said = [r for r in plain if r.subject == subject and r.cue is not None]
    adjacent = [r for r in said if r.attribute != cue.attribute and (
        r.cue == hit.start - 1 or hit.end <= r.cue <= hit.end + 1 or _subject_noun(view, hit, r.cue))]  # type: ignore[arg-type]
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
            attribute = _attribute(view, cue, hit, subject, plain)
            if attribute is None:
                continue
            relation_type = _relation_type(lexicon, attribute, positive)
            value = _value(lexicon, view, hit, subject, attribute, plain)
            for obj in _objects(view, lexicon, subject, resolver.focus, cue):
                relation = Relation(type=relation_type, object=obj)
                readings.append(Reading(subject, attribute, value, f"comparative:{cue.id}", qualifiers, relation, cue=hit.start))
    return readings
