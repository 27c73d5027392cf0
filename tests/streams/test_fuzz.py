"""Property tests (hypothesis, no Kafka) of the two entry points hostile input reaches first.

- `parse_article` sees every raw message: whatever the bytes, it returns an Article or raises
  InvalidArticle (whose reason the worker routes to the dead-letter topic) — never anything else.
- `Extractor.extract_batch` sees every accepted text: whatever the text, it returns one list of
  events per article, each trigger's offsets point at its own text, and ids are repeatable.

Example counts are modest: the extractor runs the real spaCy model.
"""

from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.article import parse_article
from extractors.model import Article, InvalidArticle, rfc3339_to_epoch

CONTROL = {c: " " for c in [*range(32), 0x7F] if chr(c) not in "\n\t\r"}
NOW = 1_700_000_000.0  # 2023-11-14: a fixed ingest clock keeps the date checks deterministic

json_leaf = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=40)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                          max_leaves=12)
field_names = st.sampled_from(["id", "text", "title", "url", "published_at", "source", "lang", "extra"])
loose_documents = st.dictionaries(field_names, json_value, max_size=8)


def expect_article_or_invalid(raw) -> Article | None:
    try:
        article = parse_article(raw, now=NOW)
    except InvalidArticle as exc:
        assert exc.reason and exc.reason.replace("_", "").isalnum()
        return None
    assert isinstance(article, Article) and article.id.strip() and article.text
    assert rfc3339_to_epoch(article.published_at) <= NOW + 2 * 86400
    return article


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_an_article_or_invalid_article(raw):
    expect_article_or_invalid(raw)


@settings(max_examples=300, deadline=None)
@given(loose_documents)
def test_any_json_document_gives_an_article_or_invalid_article(doc):
    expect_article_or_invalid(orjson.dumps(doc))
    expect_article_or_invalid(doc)  # the already-decoded path the offline tools use


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=200), st.integers(0, 199))
def test_corrupted_valid_messages_give_an_article_or_invalid_article(noise, at):
    good = orjson.dumps({"id": "a1", "text": "Armenia accused Azerbaijan of shelling.", "published_at": "2022-09-13T02:00:00Z"})
    at = min(at, len(good))
    expect_article_or_invalid(good[:at] + noise + good[at:])


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 20_000))
def test_deeply_nested_json_is_rejected_not_crashing(depth):
    expect_article_or_invalid(b'{"id": "n", "text": "t", "extra": ' + b"[" * depth + b"]" * depth + b"}")


plain_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(
    lambda s: s.translate(CONTROL).strip())  # control-only texts are rejected: tested below
optional_text = st.none() | st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
dates = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2023, 11, 14),
                     timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=4)), timezone(timedelta(hours=-7, minutes=-30))]))


@settings(max_examples=300, deadline=None)
@given(st.text(string.ascii_letters + string.digits + "-_:.", min_size=1, max_size=64).filter(lambda s: s.strip()),
       plain_text, dates, optional_text, optional_text, optional_text, optional_text)
def test_valid_documents_round_trip(art_id, text, when, title, url, source, lang):
    doc = {"id": art_id, "text": text, "published_at": when.isoformat(), "title": title, "url": url,
           "source": source, "lang": lang, "unknown": {"kept": [1, 2]}}
    article = parse_article(orjson.dumps(doc), now=NOW)
    assert (article.id, article.title, article.url, article.source, article.lang) == (art_id, title, url, source, lang)
    assert len(article.text) == len(text)  # control characters become spaces: offsets survive
    assert article.extra == {"unknown": {"kept": [1, 2]}}
    assert article.timestamp == pytest.approx(int(when.timestamp()), abs=1)
    # what the worker forwards parses back to the same article
    again = parse_article(orjson.dumps({**doc, "text": article.text, "published_at": article.published_at}), now=NOW)
    assert again == article


def test_a_text_of_control_characters_only_is_rejected_as_empty():
    with pytest.raises(InvalidArticle) as info:
        parse_article(orjson.dumps({"id": "c", "text": "\x1b\x00"}), now=NOW)
    assert info.value.reason == "empty_text"


# --- the extractor entry point -------------------------------------------------------------------

WORDS = ["Armenia", "Azerbaijan", "Russia", "Ukraine", "the UN", "NATO", "Israel", "Hamas", "Pakistan", "India",
         "shelled", "accused", "attacked", "condemned", "threatened", "agreed", "a ceasefire", "the truce",
         "did not attack", "said", "claimed", "urged", "troops", "border", "villages", "in", "of", "and", "on",
         "Tuesday", "after", "talks", "sanctions", "against", "war on obesity", "\u00e9t\u00e9", "\u0410\u0440\u043c\u0435\u043d\u0438\u044f",
         "\u6218\u4e89", "\u200b", "\t", "\n", "\x00", ",", ".", "!", "?", ";", "\"", "(", ")", "-", "  ", "https://x.test/a?b=c"]
newsy_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=1, max_size=60).map(" ".join)
any_text = newsy_text | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)


@pytest.fixture(scope="module")
def extractor():
    from extractors.pipeline import Extractor

    return Extractor()


def article_for(n: int, text: str) -> Article:
    text = text if text.translate(CONTROL).strip() else "x"  # blank after cleaning is rejected, not extracted
    return parse_article({"id": f"fz{n}", "text": text, "published_at": "2022-09-13T02:00:00Z"}, now=NOW)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(any_text, min_size=1, max_size=4))
def test_extractor_never_raises_and_offsets_point_at_the_trigger(extractor, texts):
    articles = [article_for(n, t) for n, t in enumerate(texts)]
    first = extractor.extract_batch(articles)
    second = extractor.extract_batch(articles)
    assert len(first) == len(articles)
    for article, events in zip(articles, first):
        for event in events:
            assert event.article_id == article.id
            assert 0 <= event.trigger.start < event.trigger.end <= len(article.text)
            assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text
            assert event.signals and set(event.signals) <= {"hostility", "ceasefire", "cooperation"}
        assert len({e.event_id for e in events}) == len(events), "two events of one article share an id"
    assert [[e.event_id for e in evs] for evs in first] == [[e.event_id for e in evs] for evs in second]
    assert first == second


def test_the_fuzzed_vocabulary_does_produce_events(extractor):
    """Guards the property above against passing vacuously on texts that never yield events."""
    events = extractor.extract(article_for(0, "Azerbaijan shelled villages in Armenia on Tuesday."))
    assert events and events[0].trigger.text


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(WORDS[:10]), st.integers(2_000, 20_000))
def test_long_unpunctuated_runs_are_handled(extractor, word, repeats):
    text = " ".join([word, "attacked"] * (repeats // 2))
    [events] = extractor.extract_batch([article_for(1, text)])
    for event in events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
