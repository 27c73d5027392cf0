"""The seed article of DESIGN.md yields the events DESIGN lists, with codes and modalities."""

from __future__ import annotations

import pytest

from extractors.model import PLOVER, Article

from .conftest import SHARED

SEED = SHARED / "seeds" / "article-2022-09-20-un-armenia-azerbaijan.txt"


@pytest.fixture(scope="module")
def seed_events(extractor):
    text = SEED.read_text(encoding="utf-8")
    return extractor.extract(Article(id="seed-2022-09-20", text=text, published_at="2022-09-20T00:00:00Z")), text


def _find(events, category, source=None, target=None, **want):
    out = []
    for e in events:
        if e.category != category:
            continue
        if source is not None and (e.source is None or e.source.code != source):
            continue
        if target is not None and (e.target is None or e.target.code != target):
            continue
        if all(getattr(e, k) == v for k, v in want.items()):
            out.append(e)
    return out


def test_azerbaijan_shelled_armenian_towns_as_claimed_by_armenia(seed_events):
    events, text = seed_events
    [e] = _find(events, "assault", "AZE", "ARM", modality="claimed")
    assert e.attributed_to.code == "ARM" and e.trigger.text == "shelled" and not e.negated
    assert text[e.trigger.start:e.trigger.end] == "shelled"
    assert (e.cameo, e.quad_class, e.goldstein) == ("194", 4, PLOVER["assault"][2])
    assert e.signals == ("hostility",)


def test_the_claim_is_also_an_accusation_by_armenia(seed_events):
    events, _ = seed_events
    assert _find(events, "accuse", "ARM", "AZE")


def test_azerbaijani_infrastructure_came_under_attack_as_claimed_by_azerbaijan(seed_events):
    events, _ = seed_events
    [e] = [x for x in _find(events, "assault", target="AZE", modality="claimed") if x.trigger.text == "attack"]
    assert e.attributed_to.code == "AZE"


def test_un_secretary_general_hopes_the_ceasefire_will_hold(seed_events):
    events, _ = seed_events
    hits = [e for e in events if "ceasefire" in e.signals and e.modality == "hoped"]
    assert hits and hits[0].source.code == "UNO" and hits[0].category == "retreat"


def test_us_secretary_of_state_urged_both_to_settle(seed_events):
    events, _ = seed_events
    appeals = _find(events, "request", "USA")
    assert {e.target.code for e in appeals} == {"ARM", "AZE"}
    assert all(e.source.sector == "GOV" for e in appeals)


def test_pakistan_condemned_armenian_aggression(seed_events):
    events, _ = seed_events
    assert _find(events, "accuse", "PAK", "ARM")


def test_ids_are_deterministic_and_events_picklable(seed_events, extractor):
    import pickle

    events, text = seed_events
    again = extractor.extract(Article(id="seed-2022-09-20", text=text, published_at="2022-09-20T00:00:00Z"))
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)
    assert pickle.loads(pickle.dumps(events)) == events


def test_the_fighting_was_condemned_internationally(seed_events):
    events, _ = seed_events
    condemned = [e for e in events if e.category == "accuse" and e.trigger.text == "condemned"]
    assert {e.target.code for e in condemned} == {"ARM", "AZE"} and all(e.source is None for e in condemned)


def test_dateline_names_keep_their_spelling(seed_events):
    events, _ = seed_events
    [met] = [e for e in events if e.trigger.text == "met"]
    assert met.source.code == "AZE" and "Bayramov" in met.source.text and met.target.code == "UNO"


def test_history_paragraph_yields_no_events(seed_events):
    events, _ = seed_events
    assert not [e for e in events if "1980s" in e.sentence or "two wars" in e.sentence]
