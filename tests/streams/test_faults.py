"""Issue 7 on the real embedded broker and real `flashpoint run` subprocesses: things break for real.

- SIGKILL twice while busy: no event lost, no alert said twice with different content, the
  same alert ids as an uninterrupted (offline) run.
- The broker goes away: frozen for a while (a network partition: it comes back with its data),
  restarted on the same port (memory only: it comes back empty), or gone for good.
- Hostile input on a live worker: every message dead-lettered with a reason or processed, the
  worker never stops, and a good article behind the junk still comes out within a bound.

Every wait polls a condition with a deadline; nothing sleeps in place of synchronisation.
Figures of the last run are printed (`-s`) and copied into docs/reliability.md.
"""

from __future__ import annotations

import base64
import os
import random
import signal
import time
import uuid
from collections import defaultdict
from pathlib import Path

import orjson
import pytest

from extractors.article import parse_article
from extractors.model import InvalidArticle
from streams.broker import EmbeddedBroker
from streams.replay import ensure_topics, replay
from streams.settings import load_settings
from streams.watchdog import EXIT_BROKER_LOST, descendants

from .conftest import SAMPLE, Worker, json_values, read_topic

pytestmark = [pytest.mark.fault, pytest.mark.integration]


# --- helpers -------------------------------------------------------------------------------------

def wait_for(predicate, timeout: float, what: str, poll: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise TimeoutError(f"{what} not reached within {timeout}s")


def log_of(worker: Worker) -> str:
    return worker.log_path.read_text(errors="replace")


def committed_and_end(bootstrap: str, group: str, topic: str) -> tuple[dict[int, int], dict[int, int]]:
    """The group's committed offsets and the end offsets of every partition of `topic`."""
    from kafka import KafkaConsumer, TopicPartition

    # a consumer carrying the group id only reads its commits (OffsetFetch); it never joins the group
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        ends = {tp.partition: off for tp, off in consumer.end_offsets(tps).items()}
        done = {tp.partition: consumer.committed(tp) or 0 for tp in tps}
        return done, ends
    finally:
        consumer.close()


def sigkill(worker: Worker) -> list[int]:
    """SIGKILL the worker process alone (as the OOM killer would); return the children it leaves."""
    children = descendants(worker.proc.pid)
    assert worker.stop(signal.SIGKILL) == -signal.SIGKILL
    return children


def survivors(pids: list[int], within_s: float) -> list[int]:
    """The processes of `pids` still running after up to `within_s` seconds."""
    deadline = time.monotonic() + within_s
    while True:
        running = [p for p in pids if alive(p)]
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.2)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


class RecordingExtractor:
    """The real extractor, remembering each article's events for the offline comparison."""

    def __init__(self) -> None:
        from extractors.pipeline import Extractor

        self.inner, self.events = Extractor(), {}

    def extract_batch(self, articles):
        results = self.inner.extract_batch(articles)
        for article, events in zip(articles, results):
            self.events[article.id] = events
        return results


# --- 1. SIGKILL twice while busy ---------------------------------------------------------------

COPIES = 3          # the sample three times over (ids suffixed): 3648 articles
KILL_AFTER = 600    # articles processed by the running process before each SIGKILL


def sample_copies(copies: int) -> list[bytes]:
    """Each sample article followed by its copies, so published_at order (and lateness) is kept."""
    out = []
    for line in SAMPLE.read_bytes().splitlines():
        doc = orjson.loads(line)
        out.append(line)
        out.extend(orjson.dumps({**doc, "id": f"{doc['id']}~{n}"}) for n in range(1, copies))
    return out


def wait_until_drained(worker: Worker, sent: int, timeout: float = 300.0) -> None:
    """Ingest has committed all `sent` articles and detect everything ingest produced.

    Counted from what was produced and what is on the topic, not from the broker's reported end
    offsets: the embedded broker (Tansu) reports the last batch's base offset + 1 as the end.
    """
    group, bootstrap = worker.env["FLASHPOINT_APP_ID"], worker.broker.bootstrap
    wait_for(lambda: sum(committed_and_end(bootstrap, group, worker.prefix + "articles")[0].values()) >= sent,
             timeout, "every article committed by ingest", poll=1.0)
    extracted = read_topic(bootstrap, worker.prefix + "extracted", idle_s=1)
    true_end = max(r.offset for r in extracted) + 1
    wait_for(lambda: committed_and_end(bootstrap, group, worker.prefix + "extracted")[0].get(0, 0) >= true_end,
             timeout, f"detect committed up to {true_end}", poll=1.0)


@pytest.fixture(scope="module")
def killed_run(broker, tmp_path_factory):
    """The sample three times over through a worker SIGKILLed twice while busy, and the same offline."""
    tmp = tmp_path_factory.mktemp("sigkill")
    worker = Worker(broker, f"k{uuid.uuid4().hex[:8]}.", tmp / "data", tmp / "worker.log").start()
    stream = sample_copies(COPIES)
    try:
        settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
        ensure_topics(broker.bootstrap, settings)
        assert replay(stream, broker.bootstrap, settings) == len(stream)
        orphans: list[int] = []
        for kill in (1, 2):
            worker.wait_until(lambda w: w.total("flashpoint_articles_processed_total") >= KILL_AFTER, timeout=240,
                              what=f"{KILL_AFTER} articles processed before kill {kill}")
            group = worker.env["FLASHPOINT_APP_ID"]
            done = sum(committed_and_end(broker.bootstrap, group, worker.prefix + "articles")[0].values())
            assert done < len(stream), "the worker finished before it could be killed while busy"
            left = survivors(sigkill(worker), within_s=15)
            orphans += left
            for pid in left:  # do not let them pile up (they are this test's grandchildren)
                os.kill(pid, signal.SIGKILL)
            worker.start()
        started = time.monotonic()
        wait_until_drained(worker, len(stream))
        catch_up_s = time.monotonic() - started
        events = read_topic(broker.bootstrap, worker.prefix + "events", idle_s=2)
        alerts = read_topic(broker.bootstrap, worker.prefix + "alerts", idle_s=2)
        dead = read_topic(broker.bootstrap, worker.prefix + "deadletter", idle_s=1)
    finally:
        worker.stop()
    # offline: the same articles through the same extractor and monitor, no Kafka, no kills
    from streams.offline import backtest

    offline_extractor = RecordingExtractor()
    offline_alerts = [a.to_cloudevent() for a in backtest([parse_article(line) for line in stream],
                                                          extractor=offline_extractor)]
    yield dict(stream=stream, events=events, alerts=alerts, dead=dead, orphans=orphans, catch_up_s=catch_up_s,
               offline_events=offline_extractor.events, offline_alerts=offline_alerts, worker=worker)


def live_events(run) -> tuple[dict[str, set[bytes]], dict[str, set[str]]]:
    by_id: dict[str, set[bytes]] = defaultdict(set)
    by_article: dict[str, set[str]] = defaultdict(set)
    for record in run["events"]:
        ev = orjson.loads(record.value)
        by_id[ev["event_id"]].add(record.value)
        by_article[ev["article_id"]].add(ev["event_id"])
    return by_id, by_article


def live_alerts(run) -> dict[str, set[bytes]]:
    by_id: dict[str, set[bytes]] = defaultdict(set)
    for record in run["alerts"]:
        ce = orjson.loads(record.value)
        by_id[ce["id"]].add(orjson.dumps(ce["data"], option=orjson.OPT_SORT_KEYS))
    return by_id


def offline_alerts_closed_live(run) -> dict[str, bytes]:
    """Offline alerts of the windows the live run had closed (its last buckets may still be open)."""
    last_closed = max(orjson.loads(r.value)["data"]["window"]["end"] for r in run["alerts"])
    return {a["id"]: orjson.dumps(a["data"], option=orjson.OPT_SORT_KEYS) for a in run["offline_alerts"]
            if a["data"]["window"]["end"] <= last_closed}


def test_sigkill_loses_no_event(killed_run):
    _, by_article = live_events(killed_run)
    offline = {a: {e.event_id for e in evs} for a, evs in killed_run["offline_events"].items() if evs}
    lost = {a: ids - by_article.get(a, set()) for a, ids in offline.items()}
    lost = {a: ids for a, ids in lost.items() if ids}
    print(f"\nRELIABILITY sigkill events: articles sent {len(killed_run['stream'])}, with events offline "
          f"{len(offline)}, all their events on the topic for {len(offline) - len(lost)}, "
          f"event records {len(killed_run['events'])} for {sum(len(v) for v in by_article.values())} ids")
    assert not lost, f"events lost for {len(lost)} articles, e.g. {sorted(lost)[:5]}"
    assert set(by_article) <= set(offline), "events for articles offline extraction finds none in"
    assert not killed_run["dead"]


def test_sigkill_repeats_events_byte_for_byte(killed_run):
    by_id, _ = live_events(killed_run)
    assert all(len(values) == 1 for values in by_id.values()), "an event id with two different contents"
    offline = {e.event_id: e for evs in killed_run["offline_events"].values() for e in evs}
    assert all(orjson.loads(orjson.dumps(offline[i])) == orjson.loads(next(iter(v))) for i, v in by_id.items())


def test_sigkill_never_gives_one_alert_id_two_contents(killed_run):
    by_id = live_alerts(killed_run)
    differing = sorted(i for i, contents in by_id.items() if len(contents) > 1)
    print(f"\nRELIABILITY sigkill alerts: records {len(killed_run['alerts'])}, ids {len(by_id)}, "
          f"redelivered {len(killed_run['alerts']) - len(by_id)}, ids with two contents {len(differing)}")
    assert not differing


def test_sigkill_gives_the_alerts_of_an_uninterrupted_run(killed_run):
    live, offline = live_alerts(killed_run), offline_alerts_closed_live(killed_run)
    missing, extra = sorted(set(offline) - set(live)), sorted(set(live) - set(offline))
    changed = sorted(i for i in set(offline) & set(live) if live[i] != {offline[i]})
    print(f"\nRELIABILITY sigkill vs uninterrupted: offline alerts {len(offline)}, live {len(live)}, "
          f"missing {len(missing)}, extra {len(extra)}, same id but other content {len(changed)}")
    assert not missing and not extra, f"missing {missing[:5]}, extra {extra[:5]}"
    assert not changed, f"alerts that differ from the uninterrupted run: {changed[:5]}"


def test_sigkill_leaves_no_orphan_processes(killed_run):
    print(f"\nRELIABILITY sigkill processes: orphaned children {len(killed_run['orphans'])}, "
          f"catch-up after the last restart {killed_run['catch_up_s']:.0f}s")
    assert not killed_run["orphans"], "SIGKILL left extraction processes running"


# --- 2. the broker goes away --------------------------------------------------------------------

@pytest.fixture
def own_broker():
    """A broker of this test's own: it is frozen, stopped and restarted under the worker."""
    brokers: list[EmbeddedBroker] = []

    def make(port: int = 0) -> EmbeddedBroker:
        b = EmbeddedBroker(port=port).start()
        brokers.append(b)
        return b

    yield make
    for b in brokers:
        if b.proc is not None and b.proc.poll() is None:
            os.kill(b.proc.pid, signal.SIGCONT)
        b.stop()


def lone_worker(broker: EmbeddedBroker, tmp_path: Path, **env: str) -> Worker:
    prefix = f"b{uuid.uuid4().hex[:8]}."
    return Worker(broker, prefix, tmp_path / "data", tmp_path / "worker.log", **env)


def client_error_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if "[ERROR]" in line and "broker " not in line)


def test_a_frozen_broker_is_waited_out_and_nothing_is_lost(own_broker, tmp_path):
    broker = own_broker()
    worker = lone_worker(broker, tmp_path, FLASHPOINT_BROKER_LOST_EXIT_S="60").start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    lines = SAMPLE.read_bytes().splitlines()[:300]
    replay(lines[:150], broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= 150, timeout=120, what="first half")

    os.kill(broker.proc.pid, signal.SIGSTOP)  # a partition: connections hang, nothing is refused
    frozen_at = time.monotonic()
    try:
        wait_for(lambda: "unreachable" in log_of(worker), 30, "the watchdog noticing")
        wait_for(lambda: time.monotonic() - frozen_at > 12, 15, "a 12 s outage")  # outlast session timeout (10 s)
    finally:
        os.kill(broker.proc.pid, signal.SIGCONT)
    outage_s = time.monotonic() - frozen_at
    wait_for(lambda: "reachable again" in log_of(worker), 30, "the watchdog seeing the broker back")
    replay(lines[150:], broker.bootstrap, settings)
    # a new process would start its counters at zero: these totals prove it is the same one
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= 300, timeout=180, what="second half")
    m = worker.metrics()
    assert m["flashpoint_articles_received_total"] >= 300 and m["flashpoint_articles_processed_total"] >= 300
    assert worker.proc.poll() is None
    text = log_of(worker)
    events = {orjson.loads(r.value)["article_id"] for r in read_topic(broker.bootstrap, worker.prefix + "events")}
    with_events = {parse_article(line).id for line in lines} & events
    print(f"\nRELIABILITY frozen broker: outage {outage_s:.0f}s, articles sent 300, received "
          f"{m['flashpoint_articles_received_total']:.0f}, processed {m['flashpoint_articles_processed_total']:.0f}, "
          f"detected {m['flashpoint_articles_detected_total']:.0f}, articles with events {len(with_events)}; "
          f"client error lines {client_error_lines(text)}")
    assert worker.stop() == 0


def test_a_restarted_memory_broker_makes_the_worker_exit_once_then_start_clean(own_broker, tmp_path):
    broker = own_broker()
    worker = lone_worker(broker, tmp_path, FLASHPOINT_BROKER_LOST_EXIT_S="60").start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    lines = SAMPLE.read_bytes().splitlines()
    replay(lines[:100], broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= 100, timeout=120, what="first batch")

    port = broker.port
    broker.stop()
    wait_for(lambda: "unreachable" in log_of(worker), 30, "the watchdog noticing")
    back = own_broker(port)  # same address, empty: the embedded broker keeps nothing on disk
    # the worker sees the broker back without its topics and exits once, with a reason, for a clean start
    code = worker.proc.wait(timeout=60)
    text = log_of(worker)
    assert code == EXIT_BROKER_LOST, text[-3000:]
    assert "reachable again" in text and "without this worker's topics" in text
    assert f"{worker.prefix}extracted" in text.split("without this worker's topics", 1)[1].splitlines()[0]

    worker.start()  # what a supervisor does
    ensure_topics(back.bootstrap, settings)
    replay(lines[100:200], back.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= 100, timeout=120,
                      what="articles after the restart")
    m = worker.metrics()
    assert m["flashpoint_articles_received_total"] == 100  # only what the new broker holds
    assert worker.proc.poll() is None
    assert log_of(worker).count("without this worker's topics") == 1, "exited more than once"
    print(f"\nRELIABILITY broker restart: articles sent 100 + 100, first 100 gone with the broker, "
          f"second 100 received {m['flashpoint_articles_received_total']:.0f}, detected "
          f"{m['flashpoint_articles_detected_total']:.0f}; exits 1 (code {code})")
    assert worker.stop() == 0


def test_a_broker_that_stays_away_makes_the_worker_exit_non_zero(own_broker, tmp_path):
    broker = own_broker()
    worker = lone_worker(broker, tmp_path, FLASHPOINT_BROKER_LOST_EXIT_S="6").start()
    children = descendants(worker.proc.pid)
    broker.stop()
    stopped = time.monotonic()
    code = worker.proc.wait(timeout=60)
    exited_after = time.monotonic() - stopped
    text = log_of(worker)
    assert code == EXIT_BROKER_LOST
    assert "unreachable for" in text and f"exiting with code {EXIT_BROKER_LOST}" in text, text[-3000:]
    assert exited_after <= 30
    away_s = float(text.split("unreachable for ", 1)[1].split("s", 1)[0])
    assert away_s >= 6, "exited before the configured time"
    wait_for(lambda: not any(alive(p) for p in children), 15, "the worker's children gone")
    lost_at = text.index("unreachable (")
    noisy = client_error_lines(text[lost_at:])
    print(f"\nRELIABILITY broker gone: exit code {code} after {exited_after:.1f}s (limit 6 s); "
          f"client error lines while away {noisy}")
    assert noisy < 60, "the log drowns in repeated client errors"


# --- 3. hostile input -------------------------------------------------------------------------

def hostile_messages() -> list[tuple[str, bytes, set[str] | None]]:
    """(name, bytes, dead-letter reasons accepted; None = must be processed)."""
    rng = random.Random(7)
    good = {"text": "Azerbaijan shelled villages in Armenia on Tuesday.", "published_at": "2022-09-13T02:00:00Z"}
    big_para = ("The council met on Monday to discuss the budget for the coming year and the new library. " * 10
                + "Azerbaijan shelled border villages in Armenia, officials said. ")
    doc = lambda **kw: orjson.dumps({**good, **kw})  # noqa: E731
    nested = b'{"id": "h-nested", "text": "t", "extra": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    return [
        ("invalid JSON", b'{"id": "h-json", "text": "unterminated', {"invalid_json"}),
        ("empty message", b"", {"empty", "not_an_object"}),
        ("wrong types", orjson.dumps({"id": "h-types", "text": ["a", "list"]}), {"missing_text"}),
        ("wrong optional type", doc(id="h-url", url=12), {"wrong_type"}),
        ("missing id", orjson.dumps({"text": "no id here"}), {"missing_id"}),
        ("missing text", orjson.dumps({"id": "h-notext"}), {"missing_text"}),
        ("not an object", b"[1, 2, 3]", {"not_an_object"}),
        ("invalid UTF-8", b'{"id": "h-utf8", "text": "caf\xe9 \xff"}', {"invalid_utf8"}),
        ("control characters", doc(id="h-ctl", text="Azerbaijan\x00 shelled\x07 villages\x1b in Armenia."), None),
        ("900 KB article", doc(id="h-900k", text=(big_para * 2000)[:900_000]), None),
        ("1.2 MB article", doc(id="h-1200k", text="word " * 240_000), {"oversize"}),
        ("100,000-character sentence", doc(id="h-run", text=("Armenia accused Azerbaijan " * 4000)[:100_000]), None),
        ("deeply nested JSON", nested, {"invalid_json"}),
        ("duplicate id (first)", doc(id="h-dup"), None),
        ("duplicate id (second)", doc(id="h-dup"), {"__duplicate__"}),
        ("date far past", doc(id="h-past", published_at="1066-10-14T09:00:00Z"), {"published_at_out_of_range"}),
        ("date far future", doc(id="h-future", published_at="2999-01-01T00:00:00Z"), {"published_at_out_of_range"}),
        ("date unparseable", doc(id="h-date", published_at="the day after tomorrow"), {"invalid_published_at"}),
        ("date wrong type", doc(id="h-datetype", published_at=1663020000), {"invalid_published_at"}),
        ("French", doc(id="h-fr", lang="fr", text="L'Azerba\u00efdjan a bombard\u00e9 des villages arm\u00e9niens mardi."), None),
        ("Russian", doc(id="h-ru", lang="ru", text="\u0410\u0437\u0435\u0440\u0431\u0430\u0439\u0434\u0436\u0430\u043d \u043e\u0431\u0441\u0442\u0440\u0435\u043b\u044f\u043b \u0441\u0451\u043b\u0430 \u0410\u0440\u043c\u0435\u043d\u0438\u0438."), None),
        ("Chinese", doc(id="h-zh", lang="zh", text="\u963f\u585e\u62dc\u7586\u70ae\u51fb\u4e86\u4e9a\u7f8e\u5c3c\u4e9a\u7684\u6751\u5e84\u3002"), None),
        ("random bytes", rng.randbytes(512), {"invalid_utf8", "invalid_json", "empty"}),
        ("random bytes (ASCII)", bytes(rng.randrange(32, 127) for _ in range(512)), {"invalid_json", "not_an_object"}),
        ("huge id", doc(id="x" * 5000), {"invalid_id"}),
    ]


def test_hostile_input_is_dead_lettered_or_processed_and_good_articles_still_flow(broker, make_worker):
    from kafka import KafkaConsumer, TopicPartition

    worker = make_worker().start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    hostile = hostile_messages()
    marker = orjson.dumps({"id": "h-marker", "text": "Azerbaijan shelled villages in Armenia on Tuesday.",
                           "published_at": "2022-09-13T03:00:00Z"})
    baseline = orjson.dumps({"id": "h-baseline", "text": "Azerbaijan shelled villages in Armenia on Tuesday.",
                             "published_at": "2022-09-13T01:00:00Z"})
    events_topic = TopicPartition(worker.prefix + "events", 0)
    consumer = KafkaConsumer(bootstrap_servers=broker.bootstrap, enable_auto_commit=False)
    parts = [TopicPartition(events_topic.topic, p) for p in sorted(consumer.partitions_for_topic(events_topic.topic))]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)

    def time_until_events_of(article_id: str, sent_at: float, timeout: float = 180.0) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=200).values():
                if any(orjson.loads(r.value)["article_id"] == article_id for r in records):
                    return time.monotonic() - sent_at
        raise TimeoutError(f"no events of {article_id} within {timeout}s")

    try:
        warm_up = orjson.dumps({"id": "h-warm-up", "text": "Azerbaijan shelled villages in Armenia on Tuesday.",
                                "published_at": "2022-09-13T00:30:00Z"})
        replay([warm_up], broker.bootstrap, settings)  # the first article waits for the extractor pool to start
        time_until_events_of("h-warm-up", time.monotonic())
        sent_at = time.monotonic()
        replay([baseline], broker.bootstrap, settings)
        baseline_s = time_until_events_of("h-baseline", sent_at)
        sent_at = time.monotonic()
        replay([raw for _, raw, _ in hostile] + [marker], broker.bootstrap, settings)
        behind_junk_s = time_until_events_of("h-marker", sent_at)
    finally:
        consumer.close()
    sent = 2 + len(hostile) + 1
    worker.wait_until(lambda w: w.total("flashpoint_articles_received_total") >= sent, timeout=60, what="all received")
    m = worker.metrics()
    dead = read_topic(broker.bootstrap, worker.prefix + "deadletter", idle_s=1)
    letters = json_values(dead)
    assert worker.proc.poll() is None

    # accounting: every message was dead-lettered, processed or dropped as a duplicate
    dead_total = sum(v for k, v in m.items() if k.startswith("flashpoint_deadletter_total"))
    assert m["flashpoint_articles_received_total"] == sent
    assert m["flashpoint_articles_processed_total"] + dead_total + m["flashpoint_articles_duplicate_total"] == sent
    assert m["flashpoint_articles_duplicate_total"] == 1
    expected_dead = [(name, raw, reasons) for name, raw, reasons in hostile if reasons and "__duplicate__" not in reasons]
    assert len(letters) == len(expected_dead) == dead_total
    # each dead letter carries its reason, a detail and the original bytes (text, or base64 when not UTF-8)
    remaining = list(letters)
    for name, raw, reasons in expected_dead:
        match = next((d for d in remaining if d["reason"] in reasons and original_bytes(d) == raw[:len(original_bytes(d))]
                      and (d["payload_truncated"] or len(original_bytes(d)) == len(raw))), None)
        assert match is not None, f"{name}: no dead letter with its bytes and a reason in {reasons}"
        remaining.remove(match)
    assert all(d["stage"] == "ingest" and d["detail"] for d in letters)
    assert next(d for d in letters if d["reason"] == "invalid_utf8")["payload_encoding"] == "base64"
    # the processed ones produced sensible output: the control characters became spaces, offsets hold
    events = [orjson.loads(r.value) for r in read_topic(broker.bootstrap, worker.prefix + "events", idle_s=1)]
    by_article = defaultdict(list)
    for ev in events:
        by_article[ev["article_id"]].append(ev)
    assert by_article["h-ctl"] and by_article["h-900k"] and by_article["h-marker"]
    assert all(e["trigger"]["end"] - e["trigger"]["start"] == len(e["trigger"]["text"]) for e in events)
    print(f"\nRELIABILITY hostile input: messages sent {sent}, dead-lettered {len(letters)}, processed "
          f"{m['flashpoint_articles_processed_total']:.0f}, duplicates {m['flashpoint_articles_duplicate_total']:.0f}; "
          f"good article latency alone {baseline_s:.2f}s, behind {len(hostile)} hostile messages {behind_junk_s:.2f}s")
    assert behind_junk_s < 60, "a good article waited more than a minute behind hostile input"
    assert worker.stop() == 0


def original_bytes(letter: dict) -> bytes:
    payload = letter["payload"]
    return base64.b64decode(payload) if letter["payload_encoding"] == "base64" else payload.encode()


def test_the_hostile_cases_mean_what_they_say():
    """The table above is checked against the parser itself, so a wrong expectation fails here first."""
    for name, raw, reasons in hostile_messages():
        try:
            parse_article(raw)
            outcome = None
        except InvalidArticle as exc:
            outcome = exc.reason
        if reasons is None or "__duplicate__" in reasons:
            assert outcome is None, f"{name}: rejected as {outcome}"
        else:
            assert outcome in reasons, f"{name}: {outcome} not in {reasons}"
