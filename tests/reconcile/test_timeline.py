"""The timeline's memo of states is keyed by epoch, not day: it must give what each day gives."""

from __future__ import annotations

from datetime import date, timedelta

from pipeline.reconcile.evidence import Timeline
from pipeline.reconcile.lexicon import load_lexicon
from pipeline.vocab import load_vocabulary
from tests.reconcile.helpers import make_fact

VOCAB = load_vocabulary()


def test_a_memoised_state_is_the_state_of_that_very_day() -> None:
    facts = [
        make_fact("lua", "pytorch", "implementation_language", ["lua"], None, "2016-09"),
        make_fact("py", "pytorch", "implementation_language", ["python"], "2016-10-01", None),
        make_fact("caffe2", "pytorch", "implementation_language", ["c++"], "2018", "2019-03-15"),
    ]
    memoised, fresh = Timeline(facts, [], VOCAB, load_lexicon()), Timeline(facts, [], VOCAB, load_lexicon())
    day, seen = date(2015, 1, 1), set()
    while day < date(2021, 1, 1):
        state = memoised.state("pytorch", ("implementation_language",), day)
        assert state == fresh._state("pytorch", ("implementation_language",), day, True), day
        seen.add(state.tokens)
        day += timedelta(days=1)
    assert len(seen) == 3  # lua; python; python and c++ (then python alone again after 2019-03-15)
    # one entry per epoch (before 2016-10-01, to 2017, to 2019-03-15, after), not one per day
    assert len(memoised._states) == 4
