"""Extraction: Source texts in, Claim records out.

One pass per article: spaCy parses it (``nlp.pipe``, batched, no NER, framework EntityRuler),
the lexicon's matchers run once over the parse, tables are rebuilt from the line structure,
and sentences are read in order while ``context.Focus`` tracks the framework in focus.
Output is deterministic: claims sorted by source, offset, subject, attribute.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract.attributes import attribute_readings, cell_value, label_attribute
from pipeline.extract.comparatives import comparisons
from pipeline.extract.context import Focus, line_kind, main_frameworks, sentence_text_bounds
from pipeline.extract.entities import find_mentions, index_mentions
from pipeline.extract.lexicon import Lexicon, lexicon_folder, load_lexicon
from pipeline.extract.matchers import Matchers
from pipeline.extract.nlp import extraction_nlp, framework_patterns, parse_text
from pipeline.extract.rankings import rankings
from pipeline.extract.readings import Reading, SentenceView
from pipeline.extract.subjects import SubjectResolver
from pipeline.extract.syntax import compared_marker
from pipeline.extract.tables import Table, find_tables
from pipeline.extract.values import short_phrase
from pipeline.ingest.boilerplate import Line, split_lines
from pipeline.records import Claim, Qualifiers, Source, claim_id
from pipeline.vocab import Vocabulary

BATCH_SIZE = 16
NEGATIVE_CELL_STARTS = ("not ", "no ", "no,")


@dataclass(frozen=True)
class Engine:
    """The pipeline and compiled rules for one lexicon and vocabulary, built once."""

    nlp: Language
    matchers: Matchers
    lexicon: Lexicon
    subjects: frozenset[str]


_ENGINES: dict[tuple[Path, Path | None], Engine] = {}


def engine_for(vocab: Vocabulary, claims_dir: Path | None = None) -> Engine:
    """The extraction engine for a claims folder's lexicon (the project's when it has none)."""
    lexicon = load_lexicon(lexicon_folder(claims_dir), vocab)
    key = (lexicon.folder, vocab.path)
    if key not in _ENGINES:
        nlp = extraction_nlp(framework_patterns(vocab.subjects, lexicon.frameworks.aliases))
        _ENGINES[key] = Engine(nlp, Matchers(nlp, lexicon), lexicon, frozenset(vocab.subjects))
    return _ENGINES[key]


def extract_claims(sources: list[Source], vocab: Vocabulary, claims_dir: Path | None = None, jobs: int = 1) -> list[Claim]:
    """Claims from every source, sorted by source, start, subject, attribute.

    ``jobs`` above 1 spreads the articles over that many worker processes; the result is
    the same, in the same order.
    """
    if jobs > 1 and len(sources) > 1:
        from pipeline.extract.parallel import extract_in_workers

        return sorted(extract_in_workers(sources, vocab.path, claims_dir, jobs), key=_order)
    engine = engine_for(vocab, claims_dir)
    claims: list[Claim] = []
    for source, doc in zip(sources, engine.nlp.pipe((parse_text(s.text) for s in sources), batch_size=BATCH_SIZE)):
        claims += claims_of(engine, source, doc)
    return sorted(claims, key=_order)


def _order(claim: Claim) -> tuple:
    relation = (claim.relation.type, claim.relation.object) if claim.relation else ("", "")
    return (claim.source, claim.start or 0, claim.subject, claim.attribute, claim.end or 0, relation, str(claim.value), claim.id)


def claims_of(engine: Engine, source: Source, doc: Doc) -> list[Claim]:
    """The claims of one parsed article."""
    reader = ArticleReader(engine, source, doc)
    readings = reader.table_readings() + reader.sentence_readings()
    return [_claim(source, reading) for reading in readings]


def _claim(source: Source, reading: Reading) -> Claim:
    start, end = reading.start or 0, reading.end or 0
    relation = reading.relation
    extra = f"{relation.type}:{relation.object}" if relation else (str(reading.value) if isinstance(reading.value, int) else "")
    return Claim(
        id=claim_id(source.file, start, end, reading.subject, reading.attribute, extra),
        source=source.file,
        start=start,
        end=end,
        quote=source.text[start:end],
        subject=reading.subject,
        attribute=reading.attribute,
        value=reading.value,
        relation=relation,
        qualifiers=reading.qualifiers,
        table_row=reading.table_row,
        rule=reading.rule,
    )


class ArticleReader:
    """Reads one article: its tables, then its sentences in order."""

    def __init__(self, engine: Engine, source: Source, doc: Doc) -> None:
        self.engine, self.source, self.doc = engine, source, doc
        self.lexicon = engine.lexicon
        self.mentions = find_mentions(doc, self.lexicon.frameworks, set(engine.subjects))
        self.by_token = index_mentions(self.mentions)
        self.exact = {(m.start_char, m.end_char): m.subject for m in self.mentions}
        self.hits = engine.matchers.find(doc)
        self.hit_starts = [h.start for h in self.hits]
        self.text = source.text
        self.lines = split_lines(self.text)
        self.line_starts = [line.start for line in self.lines]
        self.tables = find_tables(self.text, lambda start, end: self.exact.get((start, end)))
        self.focus = Focus(article=main_frameworks(self.mentions))

    def table_readings(self) -> list[Reading]:
        """One reading per table cell whose row label names an attribute."""
        readings = []
        for table in self.tables:
            if self.source.is_boilerplate(table.start, table.end):
                continue
            readings += self._cells(table)
        return readings

    def _cells(self, table: Table) -> list[Reading]:
        compared = len({cell.subject for cell in table.cells})
        readings = []
        for cell in table.cells:
            spec = label_attribute(self.lexicon, cell.label)
            if spec is None:
                continue
            text = self.text[cell.start : cell.end]
            value = cell_value(spec, self.lexicon, text, compared, cell.label)
            if value is None and spec.required:
                continue
            negated = (text.lower() + " ").startswith(NEGATIVE_CELL_STARTS) or text.lower() == "no"
            readings.append(
                Reading(cell.subject, spec.attribute, value, cell.kind, Qualifiers(negated=negated), None, cell.start, cell.end, cell.label)  # type: ignore[arg-type]
            )
        return readings

    def _line_of(self, offset: int) -> Line:
        return self.lines[max(0, bisect_left(self.line_starts, offset + 1) - 1)]

    def _in_table(self, start: int) -> bool:
        return any(t.start <= start < t.end for t in self.tables)

    def _view(self, sentence: Span, start: int, end: int, item: bool) -> SentenceView:
        first = bisect_left(self.hit_starts, sentence.start)
        last = bisect_left(self.hit_starts, sentence.end)
        hits = tuple(h for h in self.hits[first:last] if h.end <= sentence.end)
        mentions = tuple(m for m in self.mentions if sentence.start <= m.start < sentence.end)
        return SentenceView(self.doc, sentence, start, end, hits, mentions, item, self.text)

    def sentence_readings(self) -> list[Reading]:
        """Readings of every sentence outside tables and boilerplate, in reading order."""
        readings: list[Reading] = []
        heading_line = -1
        for sentence in self.doc.sents:
            start, end = sentence_text_bounds(sentence, self.text)
            if start == end or self._in_table(start):
                continue
            line = self._line_of(start)
            in_line = [m for m in self.mentions if line.start <= m.start_char < line.end]
            kind = line_kind(line, bool(in_line))
            if kind.heading:
                if heading_line != line.start and kind.lead_in:
                    self.focus.enter_lead_in(self._lead_attribute(line))
                elif heading_line != line.start:
                    self.focus.enter_heading([m.subject for m in in_line], self._lead_attribute(line))
                heading_line = line.start
                continue
            if self.source.is_boilerplate(start, end):
                continue
            view = self._view(sentence, start, end, kind.item)
            readings += [_located(r, start, end) for r in self.read(view)]
        return readings

    def _lead_attribute(self, line: Line) -> str | None:
        """The attribute a heading line names, if it names exactly one."""
        first = bisect_left(self.hit_starts, self.doc.char_span(line.start, line.end, alignment_mode="expand").start)
        names = {h.name for h in self.hits[first:] if h.family == "attr" and self.doc[h.start].idx < line.end}
        return names.pop() if len(names) == 1 else None

    def _lead_reading(self, view: SentenceView) -> list[Reading]:
        """A bare list item under a lead-in that names an attribute: the item is its value."""
        subject = self.focus.item()
        if not (view.item and self.focus.lead and subject) or view.mentions:
            return []
        spec = self.lexicon.attribute(self.focus.lead)
        if spec is None or spec.value.kind != "text":
            return []
        return [Reading(subject, spec.attribute, short_phrase(view.text), f"{spec.attribute}:lead-in")]

    def _is_nonclaim(self, view: SentenceView) -> bool:
        """Questions claim nothing (non-claim phrases veto only their own clause, in attributes.py)."""
        return self.lexicon.nonclaims.skip_questions and view.text.rstrip().endswith("?")

    def read(self, view: SentenceView) -> list[Reading]:
        """The readings of one sentence, and what it changes in the focus."""
        compared = frozenset(m for m in view.mentions if compared_marker(view.doc, m, self.lexicon.comparatives))
        resolver = SubjectResolver(
            view, self.by_token, compared, self.focus, tuple(self.lexicon.frameworks.topic_prepositions),
            self.lexicon.rankings.numbers, tuple(self.lexicon.frameworks.plural_pronouns),
            tuple(self.lexicon.frameworks.anaphor_nouns),
        )
        readings: list[Reading] = []
        if not self._is_nonclaim(view):
            plain = attribute_readings(view, self.lexicon, resolver) or self._lead_reading(view)
            special = comparisons(view, self.lexicon, resolver, plain) + rankings(view, self.lexicon, resolver)
            readings = merge(plain, special)
        explicit = resolver.explicit()
        if explicit:
            self.focus.said_of(explicit)
        elif view.hits_of("ref", "plural"):
            self.focus.forget()
        return readings


def merge(plain: list[Reading], special: list[Reading]) -> list[Reading]:
    """Comparisons and ranks replace the plain reading of the same subject and attribute; one plain reading each."""
    covered = {(r.subject, r.attribute) for r in special}
    kept: dict[tuple[str, str], Reading] = {}
    for reading in plain:
        key = (reading.subject, reading.attribute)
        if key in covered:
            continue
        if key not in kept or (kept[key].value is None and reading.value is not None):
            kept[key] = reading
    unique_special: dict[tuple[str, str, object], Reading] = {}
    for reading in special:  # one reading per relation (or per rank), the first cue's
        unique_special.setdefault((reading.subject, reading.attribute, reading.relation or str(reading.value)), reading)
    return list(kept.values()) + list(unique_special.values())


def _located(reading: Reading, start: int, end: int) -> Reading:
    return replace(reading, start=start, end=end)
