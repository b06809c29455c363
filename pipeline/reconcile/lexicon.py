"""The reconcile lexicon: words that turn a claim's text into checkable tokens and cues.

Read from ``claims/facts/lexicon/*.yaml`` (a sub-folder, so fact loading never sees it).
Capability phrases map article wording ("TensorBoard", "TF Serving", "define-by-run") to
the tokens reference facts and probes use; cue lists mark negation, limitation, exclusivity,
preference and opinion polarity. Adding a phrasing is a YAML edit, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.paths import PROJECT_CLAIMS
from pipeline.reconcile.literal import required_literal

DEFAULT_LEXICON = PROJECT_CLAIMS / "facts" / "lexicon"
CUE_LISTS = (
    "negation", "limitation", "exclusive", "preference", "derivation", "cumulative", "affirmative",
    "bare_negative", "currency", "origin", "contrastive_only", "maturity", "default_mode",
)
Patterns = tuple[re.Pattern[str], ...]


def _compile(phrase: str) -> re.Pattern[str]:
    """A phrase as a case-insensitive pattern bounded by non-word characters."""
    return re.compile(r"(?<![\w])(?:" + phrase + r")(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Compiled capability phrases, token implications and cue patterns."""

    capabilities: tuple[tuple[str, re.Pattern[str]], ...]
    implies: dict[str, tuple[str, ...]]
    cues: dict[str, tuple[re.Pattern[str], ...]]
    attribute_words: dict[str, tuple[re.Pattern[str], ...]]
    count_words: dict[str, int]
    level_attributes: frozenset[str] = frozenset()
    mixed_tokens: frozenset[str] = frozenset()
    single_answer_attributes: frozenset[str] = frozenset()
    opinions: dict[str, tuple[Patterns, Patterns]] | None = None
    # Per capability phrase, the folded text every match starts with ("" when none).
    capability_literals: tuple[str, ...] = ()

    def polarity(self, attribute: str, text: str) -> int:
        """+1 or -1 when ``text`` voices an opinion on ``attribute`` one way only, else 0.

        Negative phrases are matched first and their spans excluded, so "less readable"
        is not also read as "readable".
        """
        positive, negative = (self.opinions or {}).get(attribute, ((), ()))
        spans = [(m.start(), m.end()) for pattern in negative for m in pattern.finditer(text)]
        praised = any(
            not any(start <= m.start() < end for start, end in spans) for pattern in positive for m in pattern.finditer(text)
        )
        if spans and not praised:
            return -1
        return 1 if praised and not spans else 0

    def expand(self, tokens: frozenset[str]) -> frozenset[str]:
        """Tokens plus everything they imply ("nvidia_gpu" implies "gpu"), transitively."""
        result = set(tokens)
        pending = list(tokens)
        while pending:
            for implied in self.implies.get(pending.pop(), ()):
                if implied not in result:
                    result.add(implied)
                    pending.append(implied)
        return frozenset(result)

    def has_cue(self, name: str, text: str, outside: tuple[tuple[int, int], ...] = ()) -> bool:
        """True when a cue of list ``name`` occurs in ``text`` outside the given spans."""
        for pattern in self.cues.get(name, ()):
            for match in pattern.finditer(text):
                if not any(start <= match.start() < end for start, end in outside):
                    return True
        return False

    def mentions_attribute(self, attribute: str, text: str) -> bool:
        """True when ``text`` names the attribute itself ("visualization", "deploy")."""
        return any(pattern.search(text) for pattern in self.attribute_words.get(attribute, ()))


def _read_folder(folder: Path) -> dict:
    merged: dict = {}
    for path in sorted(folder.glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, body in data.items():
            if isinstance(body, dict):
                merged.setdefault(key, {}).update(body)
            else:
                merged.setdefault(key, []).extend(body or [])
    return merged


@lru_cache(maxsize=4)
def load_lexicon(folder: Path = DEFAULT_LEXICON) -> Lexicon:
    """The lexicon of ``folder`` (the project's own by default), compiled once."""
    data = _read_folder(folder)
    phrases = [(str(token), str(phrase)) for token, listed in (data.get("capabilities") or {}).items() for phrase in listed or []]
    capabilities = tuple((token, _compile(phrase)) for token, phrase in phrases)
    implies = {str(k): tuple(str(v) for v in values or []) for k, values in (data.get("implies") or {}).items()}
    cue_data = data.get("cues") or {}
    cues = {name: tuple(_compile(str(p)) for p in cue_data.get(name, []) or []) for name in CUE_LISTS}
    attribute_words = {
        str(k): tuple(_compile(str(p)) for p in values or []) for k, values in (data.get("attribute_words") or {}).items()
    }
    count_words = {str(k): int(v) for k, v in (data.get("count_words") or {}).items()}
    opinions = {
        str(attribute): (
            tuple(_compile(str(p)) for p in (sides or {}).get("positive", []) or []),
            tuple(_compile(str(p)) for p in (sides or {}).get("negative", []) or []),
        )
        for attribute, sides in (data.get("opinions") or {}).items()
    }
    return Lexicon(
        capabilities,
        implies,
        cues,
        attribute_words,
        count_words,
        frozenset(str(a) for a in data.get("level_attributes") or []),
        frozenset(str(t) for t in data.get("mixed_evidence") or []),
        opinions=opinions,
        single_answer_attributes=frozenset(str(a) for a in data.get("single_answer_attributes") or []),
        capability_literals=tuple(required_literal(phrase) for _, phrase in phrases),
    )
