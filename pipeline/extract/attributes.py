"""Attribute readings: which attribute a sentence speaks of, of which framework, with what value.

Every attribute cue matched in the sentence (see ``matchers.py``) gives one reading per
framework its clause is about, with the value read as the attribute's lexicon says. Table
row labels name attributes through the lexicon's ``labels``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract.lexicon import AttributeLexicon, Lexicon, Rule
from pipeline.extract.matchers import Hit
from pipeline.extract.qualifiers import qualifiers_for
from pipeline.extract.readings import Reading, SentenceView
from pipeline.extract.subjects import SubjectResolver
from pipeline.extract.syntax import same_clause
from pipeline.extract.values import phrase_around, read_value, short_phrase

LABEL_NOISE = re.compile(r"[^\w+#\s-]")
# "PyTorch 2.0", "Keras 3", "TensorFlow v2.16": a framework named with a version number.
VERSIONED = re.compile(r"\s+v?\d+(\.\d+)*$")
YES_NO = frozenset({"yes", "no", "y", "n", "supported", "full", "partial", "limited"})
VERSION_TOKEN = re.compile(r"^v?\d+(\.\d+)*$")


def cue_root(doc: Doc, hit: Hit) -> int:
    """The token of a matched phrase that heads it (its head lies outside the phrase)."""
    for token in doc[hit.start : hit.end]:
        if not hit.start <= token.head.i < hit.end or token.head.i == token.i:
            return token.i
    return hit.start


def _rule(spec: AttributeLexicon, rule_id: str) -> Rule | None:
    return next((r for r in spec.rules if r.id == rule_id), None)


def _clause_vetoed(rule: Rule, view: SentenceView, hit: Hit) -> bool:
    """True when the verb heading the cue's clause is one the rule excludes ("stopped ... in 2019")."""
    if not rule.clause_exclude:
        return False
    # the governing verbs up to the sentence root: "stopped developing it in 2017" is governed by "stop"
    governors = view.doc[cue_root(view.doc, hit)].ancestors
    return any(t.lemma_.lower() in rule.clause_exclude for t in governors if t.pos_ in ("VERB", "AUX"))


def _vetoed(rule: Rule, view: SentenceView, hit: Hit) -> bool:
    """True when the cue stands inside one of the rule's ``exclude`` phrases or a vetoing clause."""
    if _clause_vetoed(rule, view, hit):
        return True
    lowered = view.text.lower()
    cue_start = view.doc[hit.start].idx - view.start
    cue_end = view.doc[hit.end - 1].idx + len(view.doc[hit.end - 1]) - view.start
    for phrase in rule.exclude:
        at = lowered.find(phrase.lower())
        while at >= 0:
            if at < cue_end and cue_start < at + len(phrase):
                return True
            at = lowered.find(phrase.lower(), at + 1)
    return False


def _value(spec: AttributeLexicon, rule: Rule, view: SentenceView, hit: Hit, others: list[str]) -> object:
    if rule.value is not None:
        return rule.value
    doc = view.doc
    cue_text = doc[hit.start : hit.end].text
    cue_lemmas = " ".join(t.lemma_ for t in doc[hit.start : hit.end])
    after = view.article[doc[hit.start].idx : view.end]
    value = read_value(spec, cue_text, after, view.text, others) or read_value(spec, cue_lemmas, cue_lemmas, cue_lemmas, others)
    if value is None and not spec.required:
        phrase = phrase_around(doc, hit.start, hit.end)
        return [phrase] if spec.value.kind == "subjects" else phrase
    return value


def _navigational(view: SentenceView, hit: Hit) -> bool:
    """True when the cue shares its clause with a non-claim phrase ("we will compare ...")."""
    return any(same_clause(view.doc[n.start], view.doc[hit.start]) for n in view.hits_of("nonclaim"))


def _versioned(view: SentenceView, subject: str) -> bool:
    """True when every mention of ``subject`` in the sentence carries a version number or names
    a product of the framework ("PyTorch Mobile", "TensorFlow Serving"): neither is the framework."""
    mentions = [m for m in view.mentions if m.subject == subject]
    doc = view.doc

    def product(last: int) -> bool:
        following = doc[last + 1] if last + 1 < len(doc) else None
        return following is not None and doc[last].dep_ == "compound" and following.pos_ == "PROPN" and following.text.istitle()

    def versioned(start: int, end: int, last: int) -> bool:
        following = doc[last + 1].text if last + 1 < len(doc) else ""
        return bool(VERSIONED.search(view.article[start:end]) or VERSION_TOKEN.match(following) or product(last))

    return bool(mentions) and all(versioned(m.start_char, m.end_char, m.end - 1) for m in mentions)


def _subjects(view: SentenceView, spec: AttributeLexicon, rule: Rule, hit: Hit, resolver: SubjectResolver) -> list[str]:
    """The frameworks a cue is said of: the clause's, or those the match itself names."""
    if rule.subject == "named":
        return list(dict.fromkeys(m.subject for m in view.mentions if hit.start <= m.start < hit.end))
    subjects = resolver.of(view.doc[cue_root(view.doc, hit)])
    if spec.value.kind == "subjects" and len(subjects) > 1:
        # "X, Y and Z are all supported": the coordinated frameworks are the values
        subjects = resolver.fallback()
    if spec.skip_versioned:
        subjects = [s for s in subjects if not _versioned(view, s)]
    return subjects


def attribute_readings(view: SentenceView, lexicon: Lexicon, resolver: SubjectResolver) -> list[Reading]:
    """One reading per (cue, subject) in the sentence; values that cannot be read drop required ones."""
    readings: list[Reading] = []
    # at one position the longest cue first: it is the most specific ("TPUs can only run")
    for hit in sorted(view.hits_of("attr"), key=lambda h: (h.start, h.start - h.end)):
        spec = lexicon.attribute(hit.name)
        rule = _rule(spec, hit.rule) if spec else None
        if spec is None or rule is None or _vetoed(rule, view, hit) or _navigational(view, hit):
            continue
        cue = view.doc[cue_root(view.doc, hit)]
        # frameworks named inside the cue ("runs only on X") are its values; else any other named
        within = [m.subject for m in view.mentions if hit.start <= m.start < hit.end]
        for subject in _subjects(view, spec, rule, hit, resolver):
            inside = [s for s in within if s != subject]
            others = list(dict.fromkeys(inside or [m.subject for m in view.mentions if m.subject != subject]))
            value = _value(spec, rule, view, hit, others)
            if value is None and spec.required:
                continue
            qualifiers = qualifiers_for(view.doc, list(view.hits), cue)
            rule_name = f"{spec.attribute}:{rule.id}"
            readings.append(Reading(subject, spec.attribute, value, rule_name, qualifiers, cue=cue.i))  # type: ignore[arg-type]
    return readings


def _normal_label(text: str) -> str:
    return " ".join(LABEL_NOISE.sub(" ", text.lower()).split())


def label_attribute(lexicon: Lexicon, label: str) -> AttributeLexicon | None:
    """The attribute a table row label names: an exact label first, else the longest contained one."""
    wanted = _normal_label(label)
    best: tuple[int, AttributeLexicon] | None = None
    for spec in lexicon.attributes:
        for name in spec.labels:
            known = _normal_label(name)
            if known == wanted:
                return spec
            if re.search(rf"\b{re.escape(known)}\b", wanted) and (best is None or len(known) > best[0]):
                best = (len(known), spec)
    return best[1] if best else None


def ordinal_rank(lexicon: Lexicon, text: str, compared: int) -> int | None:
    """'Second most popular' -> 2; 'least popular' among ``compared`` -> ``compared``."""
    lowered = _normal_label(text)
    for phrase, rank in sorted(lexicon.rankings.ordinals.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return compared if rank == "last" else int(rank)
    return None


def cell_value(spec: AttributeLexicon, lexicon: Lexicon, text: str, compared: int, label: str = "") -> object:
    """A table cell's value, normalised like a sentence's; a yes/no cell takes its row label's value
    (a "Windows" row answered "Yes" or "No")."""
    rank = ordinal_rank(lexicon, text, compared)
    if rank is not None:
        return rank
    value = read_value(spec, text, text, text, [])
    if value is None and label and _normal_label(text).split(" ")[0] in YES_NO:
        value = read_value(spec, label, label, label, [])
    if value is None and spec.value.kind not in ("text",):
        return None
    return value if value is not None else short_phrase(text)
