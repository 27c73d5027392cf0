"""The public API: batching, stats, the fast path against parsing everything, child processes."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor

from extractors.article import parse_article
from extractors.model import Article
from extractors.pipeline import Extractor, ExtractorConfig

from .conftest import SHARED


def _wikinews(n: int) -> list[Article]:
    lines = (SHARED / "bench" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    return [parse_article(line, now=1.9e9) for line in lines]


def _key(e):
    return (e.article_id, e.trigger.start, e.category, e.source and e.source.code, e.target and e.target.code, e.negated, e.modality)


def test_batch_equals_one_by_one_and_counts_sentences(extractor):
    arts = _wikinews(12)
    before = dict(extractor.stats)
    batched = extractor.extract_batch(arts)
    after = dict(extractor.stats)
    singles = [extractor.extract(a) for a in arts]
    assert batched == singles
    assert after["articles"] - before["articles"] == 12
    seen = after["sentences_seen"] - before["sentences_seen"]
    parsed = after["sentences_parsed"] - before["sentences_parsed"]
    assert 0 < parsed < seen  # the first pass skips most sentences of ordinary news


def test_fast_path_keeps_at_least_99_percent_of_full_parse_events(extractor):
    arts = _wikinews(60)
    full = Extractor(ExtractorConfig(prefilter=False))
    fast_events = {_key(e) for evs in extractor.extract_batch(arts) for e in evs}
    full_events = {_key(e) for evs in full.extract_batch(arts) for e in evs}
    assert full.stats["sentences_parsed"] == full.stats["sentences_seen"]
    assert full_events, "the sample should hold some events"
    assert len(fast_events & full_events) / len(full_events) >= 0.99


def test_trigger_offsets_point_into_the_article(extractor):
    text = "Sport news first.\n\nIn other news, Azerbaijani forces shelled Armenian villages on Monday."
    [e] = [x for x in extractor.extract(Article(id="o", text=text, published_at="2022-09-13T00:00:00Z")) if x.category == "assault"]
    assert text[e.trigger.start:e.trigger.end] == "shelled"
    assert e.sentence == "In other news, Azerbaijani forces shelled Armenian villages on Monday."
    assert e.published_at == "2022-09-13T00:00:00Z" and e.article_id == "o"


def test_empty_and_eventless_articles(extractor):
    arts = [Article(id="a", text=" ", published_at="2022-09-13T00:00:00Z"), Article(id="b", text="Shares rose on Monday.", published_at="2022-09-13T00:00:00Z")]
    assert extractor.extract_batch(arts) == [[], []]


_WORKER: Extractor | None = None


def _init() -> None:
    global _WORKER
    _WORKER = Extractor(ExtractorConfig())


def _run(text: str) -> list[str]:
    events = _WORKER.extract(Article(id="p", text=text, published_at="2022-09-13T00:00:00Z"))
    return [json.dumps([e.category, e.source.code, e.target.code]) for e in events]


def test_extractor_built_in_a_child_process():
    with ProcessPoolExecutor(max_workers=1, initializer=_init) as pool:
        out = pool.submit(_run, "Armenia accused Azerbaijan of shelling its border towns.").result(timeout=120)
    assert json.dumps(["accuse", "ARM", "AZE"]) in out


def test_events_round_trip_through_json(extractor):
    import orjson

    from extractors.model import event_from_dict

    events = extractor.extract(Article(id="j", text="Armenia claimed that its towns had been shelled by Azerbaijan.", published_at="2022-09-13T00:00:00Z"))
    assert events
    for e in events:
        assert event_from_dict(orjson.loads(orjson.dumps(e))) == e


def test_warm_vocabulary_makes_lexemes_and_changes_no_event(extractor):
    """The load-time warm-up makes the lexemes the tokenizer would have made later: same events."""
    cold = Extractor(ExtractorConfig(warm_vocab=False))
    assert len(extractor.nlp.vocab) > len(cold.nlp.vocab) + 50_000
    arts = _wikinews(40)
    warm_events = [[e.to_dict() for e in evs] for evs in extractor.extract_batch(arts)]
    cold_events = [[e.to_dict() for e in evs] for evs in cold.extract_batch(arts)]
    assert any(warm_events)
    assert warm_events == cold_events


def test_the_pipeline_reloads_when_new_words_pile_up_without_changing_events():
    """A long run's vocabulary stays bounded: past `max_new_strings` the pipeline is reloaded."""
    arts = _wikinews(60)
    keeping = Extractor(ExtractorConfig(max_new_strings=0, warm_vocab=False))
    reloading = Extractor(ExtractorConfig(max_new_strings=300, warm_vocab=False))
    start = len(reloading.nlp.vocab.strings)
    kept, reloaded, sizes = [], [], []
    for i in range(0, len(arts), 10):
        kept += keeping.extract_batch(arts[i:i + 10])
        reloaded += reloading.extract_batch(arts[i:i + 10])
        sizes.append(len(reloading.nlp.vocab.strings))
    assert [[e.to_dict() for e in evs] for evs in kept] == [[e.to_dict() for e in evs] for evs in reloaded]
    assert len(keeping.nlp.vocab.strings) - start > 2 * 300  # sixty real articles bring many new strings …
    assert reloading.stats["reloads"] >= 2  # … so the bounded one reloaded
    assert max(sizes) - start < 1000 and keeping.stats["reloads"] == 0
