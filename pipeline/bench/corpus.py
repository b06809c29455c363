"""Generated corpora for the scale figures: many varied articles built from the real ones.

The seed articles are cut into blocks (a heading with its paragraphs, a run of bullets, a
comparison chart, a lone paragraph); each generated article mixes 3 to 10 blocks from
different seed articles, shuffled, under a varied title, publisher and publication date
(2015-2026). Extraction and verdicts thus see the phrasings, tables and dates of real
articles in new combinations, as in a corpus of many blog posts, rather than copies of a
few. Everything is drawn from one seeded ``random.Random``: the same seed, the same corpus.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.catalog.yamlio import dump_yaml, write_atomic
from pipeline.ingest.loader import INDEX_NAME
from pipeline.records import Source

# A blog post of typical size: about 1 to 4 KB of text.
MIN_CHARACTERS = 1_000
MAX_CHARACTERS = 4_000
MIN_BLOCKS, MAX_BLOCKS = 3, 10
# A section longer than this is cut between paragraphs, so one block never fills an article.
SECTION_CHARACTERS = 1_500
# Consecutive short lines from this many on are a flattened comparison chart, kept whole.
TABLE_LINES = 6
SHORT_LINE = 90
YEARS = (2015, 2026)

# Blank lines between paragraphs; the indentation of the next paragraph (a bullet) is kept.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•–])\s")

FRAMEWORKS = ("TensorFlow", "PyTorch", "Keras", "JAX")
TITLES = (
    "{a} vs {b}: {angle}",
    "{a} vs {b} vs {c}: {angle}",
    "{a}, {b} or {c}? {angle}",
    "Choosing between {a} and {b}",
    "{angle}: {a} compared with {b}",
    "Why we moved from {a} to {b}",
    "Notes on {a}, {b} and {c}",
    "{a} or {b} for your next project",
)
ANGLES = (
    "Key Differences", "which one to use", "a practical comparison", "pros and cons", "what changed",
    "a field guide", "the complete guide", "an honest review", "lessons learned", "a beginner's overview",
)  # fmt: skip
PUBLISHERS = (
    None, "Code in Python", "Turing", "Simplilearn", "ML Weekly", "Data Notes", "The Gradient Post",
    "Tensor Times", "Deep Dive Blog", "AI Engineering Digest",
)  # fmt: skip


@dataclass(frozen=True)
class Block:
    """A run of paragraphs of one seed article that reads on its own."""

    origin: str
    kind: str  # "section", "bullets", "table" or "paragraph"
    text: str


@dataclass(frozen=True)
class GeneratedArticle:
    """One article of a generated corpus, with the metadata ``index.yaml`` records."""

    file: str
    title: str
    publisher: str | None
    published: str
    text: str
    origins: tuple[str, ...]

    def index_entry(self) -> dict[str, Any]:
        """The article's entry in ``index.yaml``."""
        return {"file": self.file, "title": self.title, "publisher": self.publisher, "url": None, "published": self.published}


def _paragraphs(source: Source) -> list[str]:
    """The article's paragraphs outside boilerplate (comments, bios, teasers), in order."""
    found: list[str] = []
    position = 0
    for piece in _PARAGRAPH_BREAK.split(source.text):
        start = source.text.index(piece, position)
        position = start + len(piece)
        text = piece.strip("\n").rstrip()
        if text and not source.is_boilerplate(start, start + len(piece)):
            found.append(text)
    return found


def _shape(paragraph: str) -> str:
    """"item" (a list entry), "short" (a heading or a chart cell) or "prose"."""
    line = paragraph.strip()
    short = "\n" not in line and len(line) <= SHORT_LINE
    if short and line.endswith(("?", ":")):
        return "short"  # a question or a lead-in heads what follows, even when numbered ("2) Is ...?")
    if _ITEM.match(paragraph):
        return "item"
    return "short" if short and not line.endswith(".") else "prose"


def _run(shapes: list[str], start: int, shape: str) -> int:
    """The end of the run of ``shape`` paragraphs beginning at ``start``."""
    end = start
    while end < len(shapes) and shapes[end] == shape:
        end += 1
    return end


def split_blocks(source: Source) -> list[Block]:
    """The blocks of one article: charts whole, headings kept with what they introduce."""
    paragraphs = _paragraphs(source)
    shapes = [_shape(p) for p in paragraphs]
    blocks: list[Block] = []
    heading: list[str] = []
    index = 0
    while index < len(paragraphs):
        shape = shapes[index]
        end = _run(shapes, index, shape)
        if shape == "short" and end - index >= TABLE_LINES:
            blocks.append(Block(source.file, "table", "\n\n".join(heading + paragraphs[index:end])))
            heading = []
        elif shape == "short":
            heading = paragraphs[index:end][-2:]  # a heading, perhaps under a section title
        elif shape == "item":
            blocks.append(Block(source.file, "bullets", "\n\n".join(heading + paragraphs[index:end])))
            heading = []
        else:
            blocks.extend(_sections(source.file, heading, paragraphs[index:end]))
            heading = []
        index = end
    return blocks


def _sections(origin: str, heading: list[str], prose: list[str]) -> list[Block]:
    """Prose paragraphs cut into sections of at most SECTION_CHARACTERS, the heading on the first."""
    blocks: list[Block] = []
    current = list(heading)
    for paragraph in prose:
        if current and len("\n\n".join(current + [paragraph])) > SECTION_CHARACTERS and current != heading:
            blocks.append(Block(origin, "section" if heading and not blocks else "paragraph", "\n\n".join(current)))
            current = []
        current.append(paragraph)
    if current:
        blocks.append(Block(origin, "section" if heading and not blocks else "paragraph", "\n\n".join(current)))
    return blocks


def _title(rng: random.Random) -> str:
    a, b, c = rng.sample(FRAMEWORKS, 3)
    title = rng.choice(TITLES).format(a=a, b=b, c=c, angle=rng.choice(ANGLES))
    return title[0].upper() + title[1:]


def _published(rng: random.Random) -> str:
    """A date in YEARS at a varied precision, as articles state them (year, month or day)."""
    year = rng.randint(*YEARS)
    precision = rng.random()
    if precision < 0.3:
        return f"{year}"
    if precision < 0.6:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _pick_blocks(rng: random.Random, pool: list[Block]) -> list[Block]:
    """3-10 blocks within the size bounds, from at least two seed articles when there are two."""
    wanted = rng.randint(MIN_BLOCKS, MAX_BLOCKS)
    chosen: list[Block] = []
    size = 0
    for block in rng.sample(pool, len(pool)):
        if size + len(block.text) > MAX_CHARACTERS or block in chosen:
            continue
        chosen.append(block)
        size += len(block.text) + 2
        if len(chosen) >= wanted and size >= MIN_CHARACTERS:
            break
        if len(chosen) >= MAX_BLOCKS:
            break
    if len({block.origin for block in pool}) > 1 and len({block.origin for block in chosen}) == 1:
        kept = chosen[:-1] if len(chosen) > 1 else chosen
        room = MAX_CHARACTERS - sum(len(block.text) + 2 for block in kept)
        others = [block for block in pool if block.origin != chosen[0].origin and len(block.text) <= room]
        if others:
            chosen = kept + [rng.choice(others)]
    return chosen


def _article(rng: random.Random, number: int, pool: list[Block]) -> GeneratedArticle:
    title = _title(rng)
    blocks = _pick_blocks(rng, pool)
    rng.shuffle(blocks)
    text = "\n\n".join([title] + [block.text for block in blocks]) + "\n"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return GeneratedArticle(
        file=f"{number:05d}_{digest}.txt",
        title=title,
        publisher=rng.choice(PUBLISHERS),
        published=_published(rng),
        text=text,
        origins=tuple(dict.fromkeys(block.origin for block in blocks)),
    )


def block_pool(sources: list[Source]) -> list[Block]:
    """Every block of every seed article, in source order."""
    return [block for source in sorted(sources, key=lambda s: s.file) for block in split_blocks(source)]


def generate_corpus(sources: list[Source], count: int, seed: int = 0) -> list[GeneratedArticle]:
    """``count`` distinct articles mixed from the blocks of ``sources``; the same seed, the same corpus."""
    pool = block_pool(sources)
    if not pool:
        return []
    rng = random.Random(seed)
    articles: list[GeneratedArticle] = []
    seen: set[str] = set()
    attempts = 0
    while len(articles) < count:
        article = _article(rng, len(articles), pool)
        body = article.text.split("\n\n", 1)[-1]
        attempts += 1
        if body in seen and attempts < count * 10:
            continue  # the same blocks in the same order: draw again, so no two articles are copies
        seen.add(body)
        articles.append(article)
    return articles


def write_corpus(articles: list[GeneratedArticle], folder: Path) -> Path:
    """Write the articles and their ``index.yaml`` into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        write_atomic(folder / article.file, article.text)
    header = "# A generated corpus (pipeline.bench.corpus): blocks of real articles, mixed.\n"
    write_atomic(folder / INDEX_NAME, header + dump_yaml({"sources": [a.index_entry() for a in articles]}))
    return folder
