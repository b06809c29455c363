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

from pipeline.reconcile.dates import DateRange, parse_date
from pipeline.reconcile.lexicon import Lexicon
from pipeline.records import Claim
from pipeline.values import find_tokens, table_for
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


def claim_text(claim: Claim) -> str:
    """The quote followed by the claim's value wording: what cue and phrase lookups read."""
    value = claim.value
    words = " ; ".join(str(v) for v in value) if isinstance(value, list) else ("" if value is None else str(value))
    return f"{claim.quote} ; {words}" if words else claim.quote


def subject_mentions(text: str, vocab: Vocabulary, exclude: str = "") -> list[str]:
    """Subject ids whose aliases occur in ``text``, an alias shared with ``exclude`` going to the other."""
    found: list[tuple[int, str]] = []
    for subject, aliases in sorted(vocab.subjects.items()):
        if subject == exclude:
            continue
        for alias in (subject, *aliases):
            match = re.search(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])", text, re.IGNORECASE)
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
    found: set[str] = set()
    spans: list[Span] = []
    for token, pattern in lexicon.capabilities:
        for match in pattern.finditer(text):
            found.add(token)
            spans.append((match.start(), match.end()))
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
        from pipeline.values import load_tables

        names.update(load_tables().get(table, {}))
    return frozenset(names)


def value_tokens(attribute: str, value: object, vocab: Vocabulary) -> frozenset[str]:
    """A value's canonical tokens: alias-table tokens, else framework names as subject ids, else the lowered text."""
    items = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
    table = table_for(attribute)
    result: set[str] = set()
    for item in items:
        text = str(item).strip()
        named = set(find_tokens(table, text)) if table else set()
        named.update(subject_mentions(text, vocab) if not named else ())
        result.update(named or {text.lower()})
    return frozenset(result)


def _polarity(text: str, lexicon: Lexicon) -> int:
    positive = lexicon.has_cue("positive", text)
    negative = lexicon.has_cue("negative", text)
    negated = lexicon.has_cue("negation", text)
    if negative and not positive:
        return -1
    if positive and not negative:
        return -1 if negated else 1
    return 0


def read_claim(claim: Claim, vocab: Vocabulary, lexicon: Lexicon) -> Reading:
    """The Reading of one claim."""
    spec = vocab.attributes.get(claim.attribute)
    kind = spec.kind if spec else "text"
    text = claim_text(claim)
    capabilities, spans = _capabilities(text, lexicon)
    outside = tuple(spans)
    minimum, denied = 0, False
    if kind in ("list", "enum"):
        claimed, minimum, denied = _value_tokens(claim, vocab, lexicon)
        negative = claim.qualifiers.negated or denied or lexicon.has_cue("limitation", claim.quote, outside)
        exclusive = claim.qualifiers.exclusive or lexicon.has_cue("exclusive", claim.quote)
    else:
        table = table_for(claim.attribute)
        claimed = capabilities | (set(find_tokens(table, text)) if table else set())
        negative = lexicon.has_cue("negation", claim.quote, outside) or lexicon.has_cue("limitation", claim.quote, outside)
        exclusive = claim.qualifiers.exclusive
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
        polarity=_polarity(claim.quote, lexicon),
        minimum_count=minimum,
        derived_from=derived,
        date=parse_date(claim.value) if kind == "date" and not isinstance(claim.value, list) else None,
    )
