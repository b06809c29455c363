"""A first extractor: sentences that name a framework and an attribute word.

Each sentence outside boilerplate that mentions a framework (by any alias in the
vocabulary) and a word from an attribute's lexicon yields one claim per (framework,
attribute) pair, with the sentence as quote.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.extract.nlp import load_nlp
from pipeline.records import Claim, Source, claim_id
from pipeline.vocab import Vocabulary

ATTRIBUTE_WORDS: dict[str, tuple[str, ...]] = {
    "implementation_language": ("written in", "developed in python", "built-in python", "at the core"),
    "api_level": ("high-level", "low-level", "lower-level", "higher-level"),
    "license": ("open-source", "open source", "license", "licence"),
    "platforms": ("linux", "windows", "macos", "osx", "android", "cross-platform"),
    "python_versions": ("python 2", "python 3", "versions of python"),
    "backends": ("on top of", "backend", "back-end"),
    "execution_model": ("computational graph", "static graph", "dynamic graph", "eager", "data flow graph"),
    "performance": ("faster", "slower", "performance", "speed"),
    "popularity": ("popular", "popularity", "well-known", "best-known"),
    "debugging": ("debug",),
    "deployment": ("deploy", "production", "serving"),
    "mobile": ("mobile", "lite"),
    "visualization": ("visualization", "visualisation", "tensorboard", "visdom"),
    "pretrained_models": ("pre-trained", "pretrained", "trained models"),
    "initial_release": ("launched in", "released in", "open-sourced", "released under"),
    "developer_org": ("developed by", "google", "facebook"),
}


def _alias_pattern(vocab: Vocabulary) -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for subject, aliases in vocab.subjects.items():
        names = sorted({a for a in aliases if len(a) > 2}, key=len, reverse=True)
        if names:
            patterns.append((subject, re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I)))
    return patterns


def extract_claims(sources: list[Source], vocab: Vocabulary, claims_dir: Path | None = None) -> list[Claim]:
    """Claims from every source, in reading order."""
    nlp = load_nlp()
    aliases = _alias_pattern(vocab)
    claims: list[Claim] = []
    for source, doc in zip(sources, nlp.pipe(s.text for s in sources)):
        for sent in doc.sents:
            text = sent.text.strip()
            if not text or source.is_boilerplate(sent.start_char, sent.end_char):
                continue
            start = sent.start_char + sent.text.index(text)
            lowered = text.lower()
            subjects = [s for s, pattern in aliases if pattern.search(text)]
            attributes = [a for a, words in ATTRIBUTE_WORDS.items() if any(w in lowered for w in words)]
            for subject in subjects:
                for attribute in attributes:
                    claims.append(
                        Claim(
                            id=claim_id(source.file, start, start + len(text), subject, attribute),
                            source=source.file,
                            start=start,
                            end=start + len(text),
                            quote=text,
                            subject=subject,
                            attribute=attribute,
                            rule="sentence-keyword",
                        )
                    )
    return claims
