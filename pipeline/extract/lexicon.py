"""Extraction lexicons: the YAML rule files under ``claims/lexicon/``, read and validated.

Every word extraction reacts to is data: attribute cues, comparison words, ranking phrases,
qualifiers, framework aliases. Files are validated against the models below; a malformed
file raises a located error (file, line, field, fix). The rule kinds form a closed set
(``phrase``, ``lemma``, ``tokens``, ``dependency``) that ``matchers.py`` compiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.catalog.yamlio import LineIndex, load_located, validate_model
from pipeline.errors import E_UNKNOWN_ATTRIBUTE, E_YAML_SHAPE, ErrorGroup, FactcheckError, Location
from pipeline.paths import Folders
from pipeline.records import ClaimValue
from pipeline.vocab import Vocabulary

RuleKind = Literal["phrase", "lemma", "tokens", "dependency", "values"]
ValueKind = Literal["tokens", "subjects", "date", "versions", "rank", "enum", "text"]


class Strict(BaseModel):
    """Frozen, and unknown fields are errors (so a typo in a key is reported, not ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Rule(Strict):
    """One cue: patterns of one kind, and what a match implies."""

    id: str
    kind: RuleKind
    patterns: list[Any] = Field(min_length=1)
    value: ClaimValue = None
    exclude: list[str] = Field(default_factory=list)
    clause_exclude: list[str] = Field(
        default_factory=list,
        description="lemmas of clause verbs that veto the rule: 'in 2019' after 'stopped' dates an end, not a release.",
    )
    subject: Literal["clause", "named"] = Field(
        default="clause", description="named: the claim is about the framework named inside the match, not the clause subject."
    )

    @model_validator(mode="after")
    def _patterns_fit_kind(self) -> "Rule":
        if self.kind in ("phrase", "lemma", "values"):
            if not all(isinstance(p, str) and p.strip() for p in self.patterns):
                raise ValueError(f"a {self.kind} rule takes a list of non-empty strings")
        elif not all(isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in self.patterns):
            raise ValueError(f"a {self.kind} rule takes a list of patterns, each a list of token mappings")
        return self


class ValueSpec(Strict):
    """How an attribute's value is read from the words around its cue."""

    kind: ValueKind
    table: str | None = None
    single: bool = False


class AttributeLexicon(Strict):
    """``attributes/<name>.yaml``: the cues of one attribute."""

    attribute: str
    value: ValueSpec
    required: bool = False
    labels: list[str] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)
    skip_versioned: bool = Field(default=False, description="Drop readings of a framework named with a version ('PyTorch 2.0').")


class ComparativeCue(Rule):
    """A comparison word with its polarity and, when it implies one, its attribute."""

    polarity: Literal["+", "-", "="]
    attribute: str | None = None
    explicit_only: bool = Field(default=False, description="Compare only with a framework the sentence names.")


class Comparatives(Strict):
    """``comparatives.yaml``."""

    cues: list[ComparativeCue]
    object_markers: list[str]
    compare_heads: list[str]
    compare_prepositions: list[str]
    leading_markers: list[str] = Field(default_factory=list)
    equality_marker: str
    relations: dict[str, tuple[str, str]]
    others: list[str] = Field(default_factory=list)


class Rankings(Strict):
    """``rankings.yaml``."""

    top: list[str]
    followers: list[str]
    ordinals: dict[str, int | Literal["last"]]
    placed: dict[str, int | Literal["last"]] = Field(default_factory=dict, description="'X in third place': ranks the framework before.")
    group_markers: list[str] = Field(default_factory=list)
    numbers: dict[str, int] = Field(default_factory=dict)


class Qualifiers(Strict):
    """``qualifiers.yaml``."""

    hedge: list[str]
    time: list[str]
    time_patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    negation: list[str]
    exclusive: list[str]


class AmbiguousRule(Strict):
    """Context that decides an ambiguous alias for one subject."""

    subject: str
    after: list[str] = Field(default_factory=list)
    before: list[str] = Field(default_factory=list)


class Ambiguous(Strict):
    """An alias shared by several subjects."""

    default: str
    rules: list[AmbiguousRule] = Field(default_factory=list)


class Frameworks(Strict):
    """``frameworks.yaml``."""

    aliases: dict[str, list[str]] = Field(default_factory=dict)
    ambiguous: dict[str, Ambiguous] = Field(default_factory=dict)
    anaphors: list[str]
    plural_anaphors: list[str]
    plural_pronouns: list[str] = Field(default_factory=list)
    anaphor_nouns: list[str] = Field(default_factory=list)
    topic_prepositions: list[str] = Field(default_factory=list)


class NonClaims(Strict):
    """``nonclaims.yaml``."""

    phrases: list[str]
    skip_questions: bool = True


@dataclass(frozen=True)
class Lexicon:
    """Every lexicon file of one folder, validated."""

    folder: Path
    frameworks: Frameworks
    attributes: tuple[AttributeLexicon, ...]
    comparatives: Comparatives
    rankings: Rankings
    qualifiers: Qualifiers
    nonclaims: NonClaims

    def attribute(self, name: str) -> AttributeLexicon | None:
        """The lexicon of one attribute, if it has one."""
        return next((a for a in self.attributes if a.attribute == name), None)


def lexicon_folder(claims_dir: Path | None) -> Path:
    """``<claims_dir>/lexicon`` when it exists, else the project's ``claims/lexicon``."""
    folders = Folders(claims=claims_dir) if claims_dir is not None else Folders()
    return folders.config("lexicon")


def _load_model(model: type[Strict], path: Path) -> Strict:
    data, lines = load_located(path)
    if not isinstance(data, dict):
        raise FactcheckError(E_YAML_SHAPE, "a lexicon file must be a mapping", Location(path, 1), "see claims/lexicon/README.md")
    parsed, errors = validate_model(model, data, path, lines, ())
    if errors:
        raise ErrorGroup(errors)
    return parsed  # type: ignore[return-value]


def _check_attribute(spec: AttributeLexicon, path: Path, lines: LineIndex, vocab: Vocabulary) -> None:
    problem = vocab.check_attribute(spec.attribute, Location(path, lines.line_of(("attribute",)), "attribute"))
    if problem is not None:
        raise problem
    if path.stem != spec.attribute:
        raise FactcheckError(
            E_UNKNOWN_ATTRIBUTE,
            f"file {path.name} declares attribute {spec.attribute!r}",
            Location(path, lines.line_of(("attribute",)), "attribute"),
            f"name the file {spec.attribute}.yaml",
        )


def _load_attributes(folder: Path, vocab: Vocabulary) -> tuple[AttributeLexicon, ...]:
    specs, errors = [], []
    for path in sorted((folder / "attributes").glob("*.y*ml")):
        try:
            spec = _load_model(AttributeLexicon, path)
            _check_attribute(spec, path, load_located(path)[1], vocab)  # type: ignore[arg-type]
            specs.append(spec)
        except ErrorGroup as group:
            errors.extend(group.errors)
        except FactcheckError as error:
            errors.append(error)
    if errors:
        raise ErrorGroup(errors)
    return tuple(specs)  # type: ignore[arg-type]


# Lexicons already read, by (folder, vocabulary file): a run reads each folder once.
_LOADED: dict[tuple[Path, Path | None], Lexicon] = {}


def load_lexicon(folder: Path, vocab: Vocabulary) -> Lexicon:
    """Read and validate every lexicon file of ``folder`` (once per folder and vocabulary)."""
    key = (folder.resolve(), vocab.path)
    if key not in _LOADED:
        _LOADED[key] = _read_lexicon(key[0], vocab)
    return _LOADED[key]


def _read_lexicon(folder: Path, vocab: Vocabulary) -> Lexicon:
    return Lexicon(
        folder=folder,
        frameworks=_load_model(Frameworks, folder / "frameworks.yaml"),  # type: ignore[arg-type]
        attributes=_load_attributes(folder, vocab),
        comparatives=_load_model(Comparatives, folder / "comparatives.yaml"),  # type: ignore[arg-type]
        rankings=_load_model(Rankings, folder / "rankings.yaml"),  # type: ignore[arg-type]
        qualifiers=_load_model(Qualifiers, folder / "qualifiers.yaml"),  # type: ignore[arg-type]
        nonclaims=_load_model(NonClaims, folder / "nonclaims.yaml"),  # type: ignore[arg-type]
    )
