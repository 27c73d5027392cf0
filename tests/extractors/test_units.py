"""Pieces that need no trained model: lexicon, gazetteer, first pass on a blank pipeline, rules."""

from __future__ import annotations

from datetime import date

import spacy

from extractors.gazetteer import load_gazetteer
from extractors.lexicon import inflect_noun, inflect_verb, load_lexicon
from extractors.nonevents import is_stale
from extractors.prefilter import FirstPass


def test_inflections_cover_regular_and_irregular_verbs():
    assert inflect_verb("shell") == ["shell", "shells", "shelled", "shelling"]
    assert "fought" in inflect_verb("fight") and "withdrawn" in inflect_verb("withdraw")
    assert inflect_verb("agree")[2:] == ["agreed", "agreeing"]
    assert "cutting" in inflect_verb("cut") and "shutting" in inflect_verb("shut")  # doubled before -ing
    assert inflect_noun("clash") == ["clash", "clashes"] and inflect_noun("ally") == ["ally", "allies"]


def test_lexicon_has_every_plover_category():
    from extractors.model import CATEGORIES

    lex = load_lexicon()
    seen = {w.category for words in lex.by_form.values() for w in words} | {w.category for w in lex.phrases.values()}
    assert seen == set(CATEGORIES)
    assert lex.lemma("struck") == "strike" and lex.lemma("ceasefires") == "ceasefire"


def test_gazetteer_names_countries_demonyms_capitals_igos_metonyms_and_regions():
    names = load_gazetteer().names
    assert names["Armenians"].code == "ARM" and names["Azerbaijani"].code == "AZE"
    assert names["Republic of Azerbaijan"].code == "AZE"
    assert names["Yerevan"].code == "ARM" and names["Yerevan"].kind == "capital"
    assert names["American"].code == "USA"  # not American Samoa
    assert names["Kremlin"].code == "RUS" and names["Pentagon"].sector == "MIL"
    assert names["UN"].code == "UNO" and names["NATO"].kind == "igo" and names["OSCE"].code == "OSCE"
    assert names["Nagorno-Karabakh"].code == "AZE" and names["Nagorno-Karabakh"].location == "Nagorno-Karabakh"
    assert names["Berlin"].kind == "capital"  # a capital outranks the province of the same name
    assert load_gazetteer().lookup("the Kremlin's").code == "RUS"


def test_past_times_are_relative_to_publication():
    def stale(text: str, published: date | None) -> bool:
        words = text.split()
        return any(is_stale(words, i, published) for i in range(len(words)))
    assert stale("the war of 1992", date(2022, 6, 1)) and stale("in the 1990s", date(2022, 6, 1))
    assert stale("in june 2020", date(2021, 8, 5)) and stale("last year", date(2024, 6, 1))
    assert stale("raids last november", date(2024, 6, 1)) and not stale("raids last november", date(2024, 1, 15))
    assert not stale("on 12 september 2022", date(2022, 9, 14)) and not stale("on december 28 , 2023", date(2024, 1, 10))
    assert not stale("in 2023", date(2024, 2, 1)) and stale("in 2023", date(2024, 5, 1))
    assert not stale("by 2030", date(2024, 6, 1)) and not stale("in 1992", None)


def test_first_pass_on_a_blank_pipeline_splits_and_selects_sentences():
    nlp = spacy.blank("en")
    fp = FirstPass(nlp, load_gazetteer(), load_lexicon())
    text = (
        "The weather was fine in the morning. Azerbaijani forces shelled Armenian villages, officials said.\n"
        "Shares rose 3% on Monday! The striker scored a goal as Brazil attacked down the left.\n"
        "A film about the war in Ukraine opened on Friday. Both sides agreed to a ceasefire."
    )
    doc = nlp(text)
    scan = fp.scan(doc)
    sentences = [doc[s:e].text.strip() for s, e in scan.sentences]
    assert sentences[0] == "The weather was fine in the morning."
    assert len(sentences) == 6
    chosen = [sentences[i] for i in scan.candidates]
    # A trigger and an actor: yes. No trigger, a game, a film: no. "Both sides": the article's dyad.
    assert chosen == ["Azerbaijani forces shelled Armenian villages, officials said.", "Both sides agreed to a ceasefire."]
    # "Both sides" = the two most named countries so far, ties broken by recency.
    assert sorted(a.code for a in scan.dyad_before(doc, scan.sentences[1][1])) == ["ARM", "AZE"]
    assert sorted(a.code for a in scan.dyad_before(doc, len(doc))) == ["BRA", "UKR"]
    full = fp.scan(doc, prefilter=False)
    assert full.candidates == list(range(6))
