"""The article input contract (DESIGN.md): what is accepted, normalised, and rejected with which reason."""

import orjson
import pytest

from extractors.article import parse_article
from extractors.model import InvalidArticle

NOW = 1_700_000_000.0  # 2023-11-14


def ok(**fields):
    return orjson.dumps({"id": "a1", "text": "Armenia accused Azerbaijan.", **fields})


def test_minimal_article_gets_ingest_time_and_keeps_unknown_fields():
    art = parse_article(ok(extra_field=[1, 2]), now=NOW)
    assert art.id == "a1" and art.published_at == "2023-11-14T22:13:20Z"
    assert art.extra == {"extra_field": [1, 2]}


def test_published_at_is_normalised_to_utc():
    art = parse_article(ok(published_at="2022-09-13T02:00:00+04:00"), now=NOW)
    assert art.published_at == "2022-09-12T22:00:00Z"
    assert art.timestamp == pytest.approx(1663020000.0)


def test_control_characters_become_spaces_and_keep_offsets():
    art = parse_article(orjson.dumps({"id": "x", "text": "a\x00b\x07c\nd"}), now=NOW)
    assert art.text == "a b c\nd"


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"not json", "invalid_json"),
        (b"\xff\xfe{}", "invalid_utf8"),
        (b"[1, 2]", "not_an_object"),
        (b'"just a string"', "not_an_object"),
        (orjson.dumps({"text": "t"}), "missing_id"),
        (orjson.dumps({"id": "", "text": "t"}), "missing_id"),
        (orjson.dumps({"id": ["x"], "text": "t"}), "missing_id"),
        (orjson.dumps({"id": "x"}), "missing_text"),
        (orjson.dumps({"id": "x", "text": 5}), "missing_text"),
        (orjson.dumps({"id": "x", "text": "   "}), "empty_text"),
        (orjson.dumps({"id": "x", "text": "t", "url": 3}), "wrong_type"),
        (orjson.dumps({"id": "x", "text": "t", "published_at": "yesterday"}), "invalid_published_at"),
        (orjson.dumps({"id": "x", "text": "t", "published_at": 1663020000}), "invalid_published_at"),
        (orjson.dumps({"id": "x", "text": "t", "published_at": "1066-10-14T09:00:00Z"}), "published_at_out_of_range"),
        (orjson.dumps({"id": "x", "text": "t", "published_at": "2999-01-01T00:00:00Z"}), "published_at_out_of_range"),
        (orjson.dumps({"id": "x" * 600, "text": "t"}), "invalid_id"),
    ],
)
def test_invalid_input_is_rejected_with_a_reason(raw, reason):
    with pytest.raises(InvalidArticle) as info:
        parse_article(raw, now=NOW)
    assert info.value.reason == reason


def test_oversize_is_rejected_before_parsing():
    raw = orjson.dumps({"id": "big", "text": "x" * 2000})
    with pytest.raises(InvalidArticle) as info:
        parse_article(raw, max_bytes=1024, now=NOW)
    assert info.value.reason == "oversize"
    assert parse_article(raw, max_bytes=4096, now=NOW).id == "big"


def test_deeply_nested_json_is_rejected_not_crashing():
    raw = b'{"id": "n", "text": "t", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(InvalidArticle) as info:
        parse_article(raw, now=NOW)
    assert info.value.reason == "invalid_json"
