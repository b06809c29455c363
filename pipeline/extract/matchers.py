"""Compile the lexicon's rules into spaCy matchers, once, and run them over a parsed Doc.

Each rule kind maps to one spaCy matcher: ``phrase`` to a PhraseMatcher on LOWER, ``lemma``
to a PhraseMatcher on LEMMA, ``tokens`` to a Matcher, ``dependency`` to a DependencyMatcher.
All matches come back as ``Hit`` records keyed "<family>|<name>|<rule id>", so the rule that
produced a claim can be named on it. Value words (languages, platforms, organisations...)
are tagged first on ``token._.vclass`` so token patterns can refer to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from pipeline.catalog.yamlio import format_path, load_located
from pipeline.errors import E_YAML_SHAPE, ErrorGroup, FactcheckError, Location
from pipeline.extract.lexicon import Lexicon, Rule
from pipeline.values import load_tables

# Value tables whose words token patterns may name through {"_": {"vclass": <table>}}.
PLACEHOLDER = re.compile(r"\{(\w+)\}")
VALUE_CLASSES = ("languages", "platforms", "hardware_support", "organisations", "licenses")
LEMMA_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "lower_lemmas")

if not Token.has_extension("vclass"):
    Token.set_extension("vclass", default="")  # a string: the Matcher hashes it


@dataclass(frozen=True)
class Hit:
    """One match: which rule, and the tokens [start, end) it covered."""

    family: str
    name: str
    rule: str
    start: int
    end: int


def _variants(alias: str) -> set[str]:
    """Spellings to match exactly: short aliases ('R', 'Go', 'C') only as written."""
    if len(alias) <= 3:
        return {alias}
    return {alias, alias.lower(), alias.upper(), alias.title()}


class Matchers:
    """Every lexicon rule, compiled for one pipeline."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.values = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)
        self._add_value_classes()
        self._add_lexicon(lexicon)

    def _spellings(self, table: str) -> list[Doc]:
        """Every spelling of a values.yaml table's tokens, tokenised."""
        aliases = load_tables().get(table)
        if aliases is None:
            raise KeyError(f"values.yaml has no table {table!r}")
        spellings = {v for names in aliases.values() for a in names for v in _variants(a)}
        return list(self.nlp.tokenizer.pipe(sorted(spellings)))

    def _placeholders(self, patterns: list[str]) -> list[str]:
        """'written in {languages}' -> one phrase per spelling of the table's tokens.

        Phrases are matched by the PhraseMatcher, far cheaper than token patterns with sets.
        """
        tables = load_tables()
        phrases: list[str] = []
        for pattern in patterns:
            found = PLACEHOLDER.findall(pattern)
            if not found:
                phrases.append(pattern)
                continue
            table = found[0]
            if table not in tables:
                raise KeyError(f"values.yaml has no table {table!r} (in {pattern!r})")
            spellings = sorted({a.lower() for names in tables[table].values() for a in names})
            phrases += [pattern.replace("{" + table + "}", spelling) for spelling in spellings]
        return phrases

    def _add_value_classes(self) -> None:
        for table in VALUE_CLASSES:
            self.values.add(f"value|{table}|", self._spellings(table))

    def _add_lexicon(self, lexicon: Lexicon) -> None:
        errors: list[FactcheckError] = []
        for spec in lexicon.attributes:
            for position, rule in enumerate(spec.rules):
                where = (lexicon.folder / "attributes" / f"{spec.attribute}.yaml", ("rules", position, "patterns"))
                errors += self._add_rule(f"attr|{spec.attribute}|{rule.id}", rule, where)
        for position, cue in enumerate(lexicon.comparatives.cues):
            errors += self._add_rule(f"cmp|{cue.id}|{cue.id}", cue, (lexicon.folder / "comparatives.yaml", ("cues", position, "patterns")))
        self._add_words(lexicon)
        if errors:
            raise ErrorGroup(errors)

    def _add_words(self, lexicon: Lexicon) -> None:
        """Word lists of the context lexicons, matched on LOWER."""
        q, r = lexicon.qualifiers, lexicon.rankings
        lists = {
            "qual|hedge": q.hedge, "qual|time": q.time, "qual|negation": q.negation, "qual|exclusive": q.exclusive,
            "rank|top": r.top, "rank|followers": r.followers, "rank|group": r.group_markers,
            "nonclaim|phrase": lexicon.nonclaims.phrases, "ref|anaphor": lexicon.frameworks.anaphors,
            "ref|plural": lexicon.frameworks.plural_anaphors, "cmp|others": lexicon.comparatives.others,
        }
        for key, words in lists.items():
            if words:
                self.lower.add(key + "|", list(self.nlp.tokenizer.pipe(words)))
        for family, phrases in (("ordinal", r.ordinals), ("placed", r.placed)):
            for phrase, rank in phrases.items():
                self.lower.add(f"rank|{family}|{rank}", [self.nlp.tokenizer(phrase)])
        if q.time_patterns:
            self.tokens.add("qual|time|pattern", q.time_patterns)

    def _add_rule(self, key: str, rule: Rule, where: tuple[Path, tuple[Any, ...]]) -> list[FactcheckError]:
        try:
            if rule.kind == "phrase":
                self.lower.add(key, list(self.nlp.tokenizer.pipe(self._placeholders(rule.patterns))))
            elif rule.kind == "lemma":
                # the words as written match too: a tagger may lemmatise a phrase alone differently
                self.lower.add(key, list(self.nlp.tokenizer.pipe(rule.patterns)))
                with self.nlp.select_pipes(enable=[p for p in LEMMA_COMPONENTS if p in self.nlp.pipe_names]):
                    self.lemma.add(key, list(self.nlp.pipe(rule.patterns)))
            elif rule.kind == "values":
                self.values.add(key, [d for table in rule.patterns for d in self._spellings(table)])
            elif rule.kind == "tokens":
                self.tokens.add(key, rule.patterns)
            else:
                self.dependency.add(key, rule.patterns)
        except (ValueError, KeyError) as exc:
            return [_pattern_error(rule, where, exc)]
        return []

    def tag_values(self, doc: Doc) -> None:
        """Mark tokens that spell a value of a table (a language, a platform...)."""
        for match_id, start, end in self.values(doc):
            family, table, _ = self.nlp.vocab.strings[match_id].split("|", 2)
            for token in doc[start:end] if family == "value" else ():
                token._.vclass = table

    def find(self, doc: Doc) -> list[Hit]:
        """Every rule match in ``doc``, sorted by position."""
        self.tag_values(doc)
        strings = self.nlp.vocab.strings
        raw: list[tuple[int, int, int]] = list(self.lower(doc)) + list(self.lemma(doc)) + list(self.tokens(doc))
        raw += [match for match in self.values(doc) if not strings[match[0]].startswith("value|")]
        hits = [_hit(strings[m], s, e) for m, s, e in raw]
        if len(self.dependency):
            for match_id, token_ids in self.dependency(doc):
                hits.append(_hit(strings[match_id], min(token_ids), max(token_ids) + 1))
        return sorted(set(hits), key=lambda h: (h.start, h.end, h.family, h.name, h.rule))


def _pattern_error(rule: Rule, where: tuple[Path, tuple[Any, ...]], exc: Exception) -> FactcheckError:
    """A located error for a pattern spaCy refuses, with spaCy's own detail lines."""
    path, field = where
    details = [line.strip() for line in str(exc).splitlines() if line.strip().startswith("-")]
    message = f"rule {rule.id!r} has an invalid pattern" + (": " + "; ".join(details) if details else f": {exc}")
    line = load_located(path)[1].line_of(field) if path.exists() else None
    return FactcheckError(
        E_YAML_SHAPE, message, Location(path, line, format_path(field)),
        "see claims/lexicon/README.md; quote YAML words such as on, off, yes, no",
    )


def _hit(key: str, start: int, end: int) -> Hit:
    family, name, rule = key.split("|", 2)
    return Hit(family, name, rule, start, end)
