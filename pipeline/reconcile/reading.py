"""Read one claim into what can be checked: value tokens, polarity and cues.

A Reading is the claim in the terms evidence speaks: canonical tokens (via
``pipeline.values`` for languages, platforms, licences; via the reconcile lexicon for
capabilities such as "tensorboard" or "tf_serving"; via vocabulary aliases for framework
names), whether it denies rather than asserts, whether it says "only", and whether it is a
preference or an opinion with a polarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.reconcile.dates import DateRange, parse_date
from pipeline.reconcile.lexicon import Lexicon
from pipeline.reconcile.literal import fold
from pipeline.reconcile.versions import version_tokens
from pipeline.records import Claim
from pipeline.reconcile.clauses import clauses, negation_misses_value, table_spans, value_scope
from pipeline.values import _alias_regex, find_tokens, load_tables, table_for
from pipeline.vocab import Vocabulary

Span = tuple[int, int]


@dataclass(frozen=True)
class Reading:
    """A claim as tokens and cues."""

    kind: str
    text: str
    tokens: frozenset[str]
    negative: bool
    exclusive: bool
    preference: bool
    polarity: int
    minimum_count: int
    derived_from: frozenset[str]
    date: DateRange | None
    # every token is a fixed name (a language, an OS, a framework id), not free wording
    fully_named: bool = False
    # the whole quote is a bare "No" (a table cell): it denies the attribute itself
    denies_attribute: bool = False
    # the claim names the default mode: a table cell that is one enum value ("Eager") or a
    # sentence saying "by default"; a second mode available on request does not refute it
    names_default: bool = False


def value_words(claim: Claim) -> list[str]:
    """The claim's value as a list of strings."""
    value = claim.value
    return [str(v) for v in value] if isinstance(value, list) else ([] if value is None else [str(value)])


@lru_cache(maxsize=None)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    """An alias as a whole word; compiled once, since every claim is checked against every alias."""
    return re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", re.IGNORECASE)


def subject_mentions(text: str, vocab: Vocabulary, exclude: str = "") -> list[str]:
    """Subject ids whose aliases occur in ``text``, an alias shared with ``exclude`` going to the other."""
    found: list[tuple[int, str]] = []
    for subject, aliases in sorted(vocab.subjects.items()):
        if subject == exclude:
            continue
        for alias in (subject, *aliases):
            match = _alias_pattern(alias).search(text)
            if match and not _inside_excluded(text, match, vocab, exclude):
                found.append((match.start(), subject))
                break
    return [subject for _, subject in sorted(found)]


def _inside_excluded(text: str, match: re.Match[str], vocab: Vocabulary, exclude: str) -> bool:
    """True when the alias is part of a longer name of the excluded subject ("Torch" in "PyTorch")."""
    for alias in vocab.subjects.get(exclude, ()):
        for other in re.finditer(re.escape(alias), text, re.IGNORECASE):
            if other.start() <= match.start() and match.end() <= other.end() and len(alias) > len(match.group(0)):
                return True
    return False


def _capabilities(text: str, lexicon: Lexicon) -> tuple[set[str], list[Span]]:
    """Capability tokens named in ``text``; the longest phrase wins where phrases overlap."""
    folded = fold(text)
    # A phrase whose leading words are not in the text cannot match: skip its regex.
    literals = lexicon.capability_literals or ("",) * len(lexicon.capabilities)
    matches = [
        (m.start(), m.end(), token)
        for (token, pattern), literal in zip(lexicon.capabilities, literals)
        if literal in folded
        for m in pattern.finditer(text)
    ]
    matches.sort(key=lambda m: (m[0] - m[1], m[0]))
    found: set[str] = set()
    spans: list[Span] = []
    for start, end, token in matches:
        if not any(start < taken_end and taken_start < end for taken_start, taken_end in spans):
            found.add(token)
            spans.append((start, end))
    return found, spans


def _value_tokens(claim: Claim, vocab: Vocabulary, lexicon: Lexicon) -> tuple[set[str], int, bool]:
    """List/enum tokens from the value; framework names become subject ids; count words become a minimum."""
    items = claim.value if isinstance(claim.value, list) else ([] if claim.value is None else [claim.value])
    result: set[str] = set()
    minimum = 0
    denied = False
    for item in items:
        text = str(item)
        base, _, qualifier = text.partition(":")
        if qualifier and lexicon.has_cue("limitation", qualifier.replace("_", " ")):
            denied, text = True, base
        counts = [n for word, n in lexicon.count_words.items() if re.search(rf"\b{re.escape(word)}\b", text, re.I)]
        named = value_tokens(claim.attribute, text, vocab)
        if counts and not named & known_names(claim.attribute, vocab):
            minimum = max(minimum, *counts)
        else:
            result.update(named)
    return result, minimum, denied


def known_names(attribute: str, vocab: Vocabulary) -> frozenset[str]:
    """Tokens with a fixed spelling for ``attribute``: its alias table's tokens and the subject ids."""
    table = table_for(attribute)
    names = set(vocab.subjects)
    if table:
        names.update(load_tables().get(table, {}))
    return frozenset(names)


def value_tokens(attribute: str, value: object, vocab: Vocabulary) -> frozenset[str]:
    """A value's canonical tokens: alias-table tokens, else framework names as subject ids, else the lowered text."""
    items = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
    table = table_for(attribute)
    result: set[str] = set()
    for item in items:
        text = str(item).strip()
        versions = None if table else version_tokens(text)
        if versions:
            result.update(versions)
            continue
        named = set(find_tokens(table, text)) if table else set()
        named.update(subject_mentions(text, vocab) if not named else ())
        result.update(named or {text.lower()})
    return frozenset(result)


def _negated_near(text: str, spans: list[Span], lexicon: Lexicon, reach: int = 40) -> bool:
    """True when a negation word shortly precedes a named capability, or the claim names none and has one.

    Sentences often carry several claims, so a "not" elsewhere in the sentence must not flip this one.
    """
    if not spans:
        return lexicon.has_cue("negation", text)
    outside = tuple(spans)
    parts = clauses(text)

    def clause_start(position: int) -> int:
        return max((start for start, _ in parts if start <= position), default=0)

    # the negation must precede the capability within its own clause ("not easy, though it provides X")
    return any(
        lexicon.has_cue("negation", text[max(clause_start(start), start - reach) : start], ()) for start, _ in spans
    ) and lexicon.has_cue("negation", text, outside)


def _read_named(
    claim: Claim, kind: str, vocab: Vocabulary, lexicon: Lexicon, outside: tuple[Span, ...]
) -> tuple[set[str], int, bool, bool, bool]:
    """A list/enum claim's tokens, count minimum, negation, exclusivity and whether all are fixed names."""
    claimed, minimum, denied = _value_tokens(claim, vocab, lexicon)
    fully_named = bool(claimed) and claimed <= known_names(claim.attribute, vocab)
    negated = claim.qualifiers.negated and not negation_misses_value(claim.quote, claim.attribute, value_words(claim), lexicon)
    negative = negated or denied or lexicon.has_cue("limitation", claim.quote, outside)
    # a bare table cell naming one value ("Static") gives the whole answer, like "only"
    bare_cell = fully_named and kind == "enum" and _is_bare_value(claim)
    restricted = claim.qualifiers.exclusive or lexicon.has_cue("exclusive", claim.quote)
    exclusive = (restricted and not lexicon.has_cue("contrastive_only", claim.quote)) or bare_cell
    return claimed, minimum, bool(negative), bool(exclusive), fully_named


def read_claim(claim: Claim, vocab: Vocabulary, lexicon: Lexicon) -> Reading:
    """The Reading of one claim."""
    spec = vocab.attributes.get(claim.attribute)
    kind = spec.kind if spec else "text"
    # phrases are read from the quote, the article's own words; a value adds only exact tokens.
    # A text claim is read in the clause that states its value ("no deployment path: ...ONNX")
    text = value_scope(claim.quote, value_words(claim)) if kind == "text" else claim.quote
    capabilities, spans = _capabilities(text, lexicon)
    lexicon_tokens = {token for token, _ in lexicon.capabilities}
    capabilities.update(word for word in value_words(claim) if word in lexicon_tokens)
    outside = tuple(spans)
    minimum, fully_named = 0, False
    if kind in ("list", "enum"):
        claimed, minimum, negative, exclusive, fully_named = _read_named(claim, kind, vocab, lexicon, outside)
    else:
        table = table_for(claim.attribute)
        claimed = capabilities | _named_in_text(claim, text, table, vocab, lexicon)
        if not claimed and lexicon.has_cue("affirmative", claim.quote):
            # a bare "Yes" (a table cell) asserts the attribute itself, e.g. pre-trained models exist
            claimed = {claim.attribute}
        # named licences or organisations anchor the negation check like capability phrases do
        named = table_spans(claim.attribute, text, claimed) if table else []
        negative = _negated_near(text, sorted(spans + named), lexicon) or lexicon.has_cue("limitation", text, outside)
        exclusive = False  # capabilities are an open set: "only X" cannot be checked against it
    denies_attribute = kind == "text" and lexicon.has_cue("bare_negative", claim.quote.strip())
    negative = negative or denies_attribute
    derived = frozenset()
    if lexicon.has_cue("derivation", claim.quote):
        derived = frozenset(subject_mentions(claim.quote, vocab, exclude=claim.subject))
    return Reading(
        kind=kind,
        text=text,
        tokens=frozenset(claimed),
        negative=bool(negative),
        exclusive=bool(exclusive),
        preference=lexicon.has_cue("preference", claim.quote),
        polarity=lexicon.polarity(claim.attribute, text),
        minimum_count=minimum,
        derived_from=derived,
        date=parse_date(claim.value) if kind == "date" and not isinstance(claim.value, list) else None,
        fully_named=fully_named,
        denies_attribute=denies_attribute,
        names_default=kind == "enum" and fully_named and (_is_bare_value(claim) or lexicon.has_cue("default_mode", claim.quote)),
    )


def _named_in_text(claim: Claim, text: str, table: str | None, vocab: Vocabulary, lexicon: Lexicon) -> set[str]:
    """Alias-table tokens a text claim names, from its quote and its value.

    A single-answer attribute read from a quote that lists several frameworks and several
    organisations in parallel ("Google and Facebook gave us TensorFlow and PyTorch") cannot
    pair them from the words alone, so the extracted value, which made the pairing, decides.
    """
    if not table:
        return set()
    from_value = set(find_tokens(table, " ; ".join(value_words(claim))))
    from_quote = set(find_tokens(table, text))
    parallel = len(from_quote) > 1 and len(subject_mentions(claim.quote, vocab)) > 1
    if from_value and parallel and claim.attribute in lexicon.single_answer_attributes:
        return from_value
    return from_quote | from_value


def _is_bare_value(claim: Claim) -> bool:
    """True when the quote is nothing but the value's own words (a table cell such as "Static")."""
    table = table_for(claim.attribute)
    if not table:
        return False
    rest = claim.quote
    for _, pattern in _alias_regex(table):
        rest = pattern.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)
