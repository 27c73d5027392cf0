"""Place names inside longer proper names are not places (tokens only: a blank pipeline will do)."""

from __future__ import annotations

import pytest
import spacy

from extractors.gazetteer import GENERIC_GEOGRAPHY, Entry, load_gazetteer
from extractors.placenames import places_in_names

NLP = spacy.blank("en")
WORDS = frozenset({"overnight", "besieged"})  # English words (the model's index in the first pass)
KINDS = {"Kerry": "province", "Kharkiv": "city", "Kyiv": "capital", "Lakota": "province", "Khorasan": "province", "Berlin": "capital",
         "Idlib": "city", "Aleppo": "city", "Hebron": "city", "Russian": "demonym"}


def kept(text: str) -> list[tuple[int, str]]:
    """(token index, name) of every known name in `text` that survives the filter."""
    doc = NLP(text)
    mentions = [(t.i, t.i + 1, Entry("XXX", KINDS[t.text], location=t.text)) for t in doc if t.text in KINDS]
    return [(s, doc[s].text) for s, _, _ in places_in_names(doc, mentions, WORDS)]


@pytest.mark.parametrize(
    "text",
    [
        "Envoy John Kerry met officials.",  # a given name before
        "Secretary Kerry met officials.",  # a title before
        "The Lakota Freedom Delegation withdrew.",  # a longer name after
        "They condemned the ISIS-Khorasan attacks.",  # a hyphenated name
        "Gunmen shot at the Kharkiv Tractor Works.",  # a city's name for something else
        "He met General Laura J. Kerry today.",  # an initial before
        "Blinken met Foreign Minister Luigi Di Kerry, and UK Foreign Secretary Liz Truss, today.",  # a long run of titles is no headline
        "Residents of Leona Valley, Lake Kharkiv and Palmdale received calls.",  # a list of names is no headline
    ],
)
def test_a_place_name_inside_a_longer_name_is_not_a_place(text):
    assert kept(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets bombed Kharkiv overnight.",
        "Russia shelled Kharkiv Oblast and the Kharkiv region.",  # words for a place
        "Kharkiv Police detained two men.",  # an office
        "In Kharkiv, sirens sounded.",  # a capitalised stop word
        "Northern Kharkiv came under fire on Monday.",  # a compass point
        "The U.S. Embassy Kyiv team left Kyiv.",  # an embassy is where it stands
        "The Kyiv Independent reported strikes.",  # capitals keep their name before another
        "Russian Forces Shell Kharkiv Again Overnight",  # a headline: every word is capitalised
        "Overnight Kharkiv came under fire.",  # a word capitalised only because it starts the sentence
        "Kharkiv Mayor Ihor Terekhov said the Kharkiv Station was hit.",  # an office; a station
    ],
)
def test_a_place_name_standing_as_a_place_is_kept(text):
    assert [name for _, name in kept(text)] == [t.text for t in NLP(text) if t.text in KINDS]


def test_a_name_read_as_a_person_is_a_person_throughout_the_article():
    text = "Special Envoy John Kerry arrived. Later Kerry said the talks went well."
    assert kept(text) == []


@pytest.mark.parametrize(
    "text,names",
    [
        ("Traffic on the Idlib-Aleppo highway stopped. Jets bombed Aleppo.", ["Idlib", "Aleppo", "Aleppo"]),  # two places
        ("Troops entered the Russian Kharkiv region. They shelled Kharkiv.", ["Russian", "Kharkiv", "Kharkiv"]),
        ("The IDF Hebron Brigade said troops entered Hebron.", ["Hebron"]),  # an acronym names no person
    ],
)
def test_weak_evidence_of_a_person_keeps_the_place_elsewhere(text, names):
    assert [name for _, name in kept(text)] == names


def test_a_capital_inside_a_name_is_still_the_capital_elsewhere():
    text = "Students from University College Kyiv rallied in Kyiv."
    assert kept(text) == [(7, "Kyiv")]


def test_a_name_absorbed_by_a_following_word_still_counts_elsewhere():
    """'The Lakota Freedom Delegation' is an organisation's name, not a person's: Lakota is still
    a place elsewhere. An ordinal before a capital does not make a person either."""
    text = "The Lakota Freedom Delegation spoke. Lakota people protested."
    assert [name for _, name in kept(text)] == ["Lakota"]
    assert [name for _, name in kept("The Second Berlin Conference met in Berlin.")] == ["Berlin", "Berlin"]


def test_provinces_named_by_a_word_of_geography_are_not_loaded():
    names = load_gazetteer().names
    for word in ("Gulf", "Coast", "Lake", "Upper East", "South Island"):
        entry = names.get(word)
        assert entry is None or entry.kind != "province", word
    assert names["Afar"].kind == "province" and names["Rift Valley"].code == "KEN"
    assert {"gulf", "coast", "lake"} <= GENERIC_GEOGRAPHY


def test_first_pass_skips_towns_named_by_an_english_word(extractor):
    doc = extractor.nlp.tokenizer("Mobile networks were down. Split over the war, Shanghai protested.")
    names = [doc[s:e].text for s, e, _ in extractor.first_pass.scan(doc).mentions]
    assert names == ["Shanghai"]  # a city of millions keeps its name
    doc = extractor.nlp.tokenizer("Besieged Mariupol held out. Ali Hassan spoke. Nearby Kramatorsk was hit.")
    names = [doc[s:e].text for s, e, _ in extractor.first_pass.scan(doc).mentions]
    assert names == ["Mariupol", "Kramatorsk"]  # an English word starts a sentence; a given name glues


def test_first_pass_drops_a_surname_that_is_a_province(extractor):
    doc = extractor.nlp.tokenizer("Special Presidential Envoy for Climate John Kerry met Saudi officials in Riyadh.")
    names = {doc[s:e].text: entry.code for s, e, entry in extractor.first_pass.scan(doc).mentions}
    assert "Kerry" not in names and names["Riyadh"] == "SAU"


def test_towns_of_a_hundred_thousand_are_known_by_their_english_spelling():
    names = load_gazetteer().names
    assert names["Odessa"].code == "UKR" and names["St. Petersburg"].code == "RUS"  # not the Texan, Floridan towns
    assert "Delta" not in names  # a word of geography names no town either
    assert names["Niger Delta"].code == "NGA"  # not Niger, the country
    assert names["Mariupol"].code == "UKR" and names["Hebron"].code == "PSE" and names["Zurich"].code == "CHE"
    assert "Hyderabad" not in names  # India's and Pakistan's: the name says neither
    assert names["Virginia"].code == "USA"  # a US state, not the South African town


def test_a_shared_capital_belongs_to_the_larger_country_and_a_tiny_one_yields_to_a_town():
    names = load_gazetteer().names
    assert names["Kingston"].code == "JAM"  # not Norfolk Island's
    assert names["Belgrade"].code == "SRB"  # not the dissolved Serbia and Montenegro's, though it is more populous
    assert names["Plymouth"].code == "GBR"  # Montserrat's capital has no people; England's has 260,000
    assert names["George Town"].code == "MYS"  # Penang's, not the Cayman Islands' capital of 30,000
    assert "Victoria" not in names  # Seychelles' capital, Hong Kong's and Canada's towns, Australia's state
    assert names["Tripoli"].code == "LBY" and names["London"].code == "GBR"  # capitals many times larger stay


def test_a_town_locates_and_targets_an_attack(extract):
    found = extract("Russian forces bombed a theatre in Mariupol.")
    assert [(e.category, e.source.code, e.target.code, e.location) for e in found] == [("assault", "RUS", "UKR", "Mariupol")]


def test_a_town_followed_by_another_countrys_province_is_its_namesake():
    doc = NLP("Police shot a man in Paris, Texas, and in Kandahar, Helmand.")
    mentions = [
        (5, 6, Entry("FRA", "capital", location="Paris")), (7, 8, Entry("USA", "province", location="Texas")),
        (11, 12, Entry("AFG", "city", location="Kandahar")), (13, 14, Entry("AFG", "province", location="Helmand")),
    ]
    assert [doc[s].text for s, _, _ in places_in_names(doc, mentions)] == ["Texas", "Kandahar", "Helmand"]
