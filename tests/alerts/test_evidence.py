"""Evidence selection: what an analyst reads first behind an alert."""

from __future__ import annotations

from alerts import evidence as ev
from extractors.model import Actor, Event, Trigger


def _event(i: int, sentence: str, source: str | None, target: str | None, *, modality="asserted", goldstein=-10.0) -> Event:
    def actor(name):
        return Actor(name, name[:3].upper()) if name else None

    return Event(event_id=f"e{i}", article_id=f"a{i}", published_at=f"2022-09-13T0{i}:00:00Z", sentence=sentence,
                 trigger=Trigger("x", 0, 1), category="assault", signals=("hostility",), source=actor(source),
                 target=actor(target), modality=modality, goldstein=goldstein)


def test_a_sentence_naming_its_parties_beats_one_that_does_not():
    # the second event's parties came from elsewhere in its article: its sentence shows no one
    named = _event(1, "Armenia said Azerbaijan fired on its positions.", "Azerbaijan", "Armenia", modality="claimed")
    unnamed = _event(2, "The shelling continued overnight.", "Azerbaijan", "Armenia")
    assert ev.names_its_parties(named) and not ev.names_its_parties(unnamed)
    picked = ev.select([ev.candidate(unnamed, None), ev.candidate(named, None)], 1)
    assert [e.sentence for e in picked] == [named.sentence]


def test_among_named_sentences_asserted_still_beats_claimed():
    claimed = _event(1, "Armenia said Azerbaijan fired on its positions.", "Azerbaijan", "Armenia", modality="claimed")
    asserted = _event(2, "Azerbaijan shelled Armenia.", "Azerbaijan", "Armenia")
    picked = ev.select([ev.candidate(claimed, None), ev.candidate(asserted, None)], 1)
    assert [e.sentence for e in picked] == [asserted.sentence]


def test_the_same_sentence_from_several_articles_is_shown_once():
    wire = "Azerbaijan shelled Armenian villages overnight."
    copies = [ev.candidate(_event(i, wire, "Azerbaijan", None), f"https://example.org/{i}") for i in range(1, 7)]
    other = ev.candidate(_event(7, "Armenia reported two soldiers killed.", None, "Armenia", goldstein=-1.0), None)
    pool = ev.keep_best([], copies + [other], 5)
    chosen = ev.select(pool, 5)
    assert [e.sentence for e in chosen] == [wire, other[5]]
    assert chosen[0].article_id == "a1"  # the earliest report of it
    # spacing and case do not make a copy new
    respaced = ev.candidate(_event(8, "  azerbaijan shelled Armenian  villages overnight.", "Azerbaijan", None), None)
    assert len(ev.select(ev.keep_best(pool, [respaced], 5), 5)) == 2


def test_a_stand_in_or_a_longer_name_does_not_name_a_party():
    assert not ev.names_its_parties(_event(1, "Both sides accused each other of violating the truce.", "Both sides", "each other"))
    assert not ev.names_its_parties(_event(2, "Nigeria closed its border.", "Niger", None))
    assert ev.names_its_parties(_event(3, "Niger closed its border with Nigeria.", "Niger", "Nigeria"))
