"""A corpus judged article by article from disk gives what judging it all at once gives;
claims that read alike are compared as one class, and each still sees who disagrees with it."""

from __future__ import annotations

import pytest

from pipeline.reconcile import reconcile
from pipeline.reconcile.contradictions import PAIRWISE_LIMIT, find_contradictions
from pipeline.reconcile.corpus import Corpus, judge_corpus
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.reconcile.reading import read_claim
from pipeline.records import Claim
from pipeline.vocab import load_vocabulary
from pipeline.workers import can_fork
from tests.reconcile.helpers import make_claim, make_fact, make_probe, make_source

VOCAB = load_vocabulary()
LEXICON = load_lexicon()


def _language_claims(count_lua: int, count_python: int) -> list[Claim]:
    claims = []
    for n in range(count_lua):
        claims.append(make_claim(f"lua{n:02d}-0000000000", "pytorch", "implementation_language", ["lua"], "Its kernels are coded in Lua.", f"lua{n:02d}.txt"))
    for n in range(count_python):
        claims.append(make_claim(f"py{n:02d}-0000000000", "pytorch", "implementation_language", ["python"], "Its heart is plain Python code.", f"py{n:02d}.txt"))
    return claims


def _mixed_claims() -> list[Claim]:
    claims = _language_claims(20, 20)
    for n in range(6):  # rankings in several articles, and comparisons both ways
        source = f"rank{n}.txt"
        order = ("keras", "tensorflow", "pytorch") if n % 2 else ("pytorch", "keras", "tensorflow")
        claims += [make_claim(f"rank{n}-{i}", subject, "popularity", i + 1, f"{subject} ranks {i + 1}", source) for i, subject in enumerate(order)]
        relation = ("faster_than", "pytorch") if n % 3 else ("slower_than", "pytorch")
        claims.append(make_claim(f"cmp{n}-0", "tensorflow", "performance", None, "TensorFlow and PyTorch on speed", source, relation=relation))
    claims += [
        make_claim("l1-0", "pytorch", "api_level", "low", "PyTorch sits close to the metal", "l1.txt"),
        make_claim("l2-0", "pytorch", "api_level", "high", "PyTorch gives a high-level layer API", "l2.txt"),
        make_claim("w1-0", "keras", "platforms", ["windows"], "Keras installs on Windows", "w1.txt"),
        make_claim("w2-0", "keras", "platforms", ["windows"], "Keras will not install on Windows", "w2.txt", negated=True),
    ]
    return claims


def _sources(claims: list[Claim]) -> list:
    return [make_source(file, "2019") for file in sorted({claim.source for claim in claims})]


def test_two_large_classes_make_one_record_naming_every_claim() -> None:
    claims = _language_claims(20, 20)
    readings = {claim.id: read_claim(claim, VOCAB, LEXICON) for claim in claims}
    findings = find_contradictions(claims, readings, LEXICON)
    assert 20 * 20 > PAIRWISE_LIMIT
    [record] = findings.contradictions
    assert (record.kind, record.claim_a, record.claim_b) == ("value", claims[0].id, claims[20].id)
    assert record.same_as_a == tuple(c.id for c in claims[1:20]) and record.same_as_b == tuple(c.id for c in claims[21:])
    for claim in claims:  # each claim sees the record with itself on its own side
        [seen] = findings.about(claim, readings[claim.id])
        mine, theirs = (seen.claim_a, seen.claim_b) if claim.source.startswith("lua") else (seen.claim_b, seen.claim_a)
        assert mine == claim.id and theirs == (claims[20].id if claim.source.startswith("lua") else claims[0].id)


def test_small_classes_are_listed_pair_by_pair() -> None:
    claims = _language_claims(2, 3)
    readings = {claim.id: read_claim(claim, VOCAB, LEXICON) for claim in claims}
    findings = find_contradictions(claims, readings, LEXICON)
    assert sorted((r.claim_a, r.claim_b) for r in findings.contradictions) == sorted((a.id, b.id) for a in claims[:2] for b in claims[2:])
    assert all(not r.same_as_a and not r.same_as_b for r in findings.contradictions)
    assert [len(findings.about(claim, readings[claim.id])) for claim in claims] == [3, 3, 2, 2, 2]


def test_a_corpus_judged_from_disk_gives_what_reconcile_gives() -> None:
    claims = sorted(_mixed_claims(), key=lambda claim: claim.source)  # a run stores articles in file order
    sources = _sources(claims)
    probes = [make_probe("pytorch", "implementation_language", ["python", "c++"])]
    facts = [make_fact("f1", "pytorch", "implementation_language", ["lua"], None, "2016")]
    expected, expected_contradictions = reconcile(claims, sources, probes, facts, VOCAB)
    corpus = Corpus()
    for source in sources:  # article by article, as a run stores them
        own = [claim for claim in claims if claim.source == source.file]
        corpus.add(source.file, own, {claim.id: read_claim(claim, VOCAB, LEXICON) for claim in own})
    checked, contradictions = judge_corpus(corpus, sources, probes, facts, VOCAB)
    corpus.close()
    assert sorted(checked, key=lambda item: item.claim.id) == sorted(expected, key=lambda item: item.claim.id)
    assert contradictions == expected_contradictions
    kinds = {record.kind for record in contradictions}
    assert kinds == {"value", "ranking", "comparison", "polarity"}
    contested = [item for item in checked if item.claim.source.startswith(("lua", "py"))]
    assert {item.verdict.label for item in contested} <= {"refuted", "outdated", "supported"}  # evidence decides


@pytest.mark.skipif(not can_fork(), reason="judging in processes needs fork and a single-threaded process")
@pytest.mark.parametrize("jobs", [2, 3])
def test_judging_in_several_processes_gives_the_same_verdicts(jobs: int) -> None:
    claims = sorted(_mixed_claims(), key=lambda claim: claim.source)
    sources = _sources(claims)
    facts = [make_fact("f1", "pytorch", "implementation_language", ["lua"], None, "2016")]
    results = []
    for count in (1, jobs):
        corpus = Corpus()
        for source in sources:
            own = [claim for claim in claims if claim.source == source.file]
            corpus.add(source.file, own, {claim.id: read_claim(claim, VOCAB, LEXICON) for claim in own})
        checked, contradictions = judge_corpus(corpus, sources, [], facts, VOCAB, jobs=count)
        results.append((checked.keys, list(checked), [checked.page(key) for key in reversed(checked.keys)], contradictions))
    assert results[0] == results[1]
    assert len(results[0][1]) == len(claims)


def test_the_named_claims_are_found_in_their_articles_only() -> None:
    claims = _language_claims(3, 1) + [make_claim("hand-written id", "keras", "license", "MIT", "Keras is MIT", "curated:x.yaml")]
    corpus = Corpus()
    for claim in claims:
        corpus.add(claim.source, [claim], {claim.id: read_claim(claim, VOCAB, LEXICON)})
    found = corpus.find({claims[1].id, "hand-written id", "absent-0000000000"})
    assert sorted(found) == sorted([claims[1].id, "hand-written id"])
    assert found["hand-written id"][0] == claims[-1]
    corpus.close()
