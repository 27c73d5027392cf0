"""The contract every sink obeys, run against each sink the project ships."""

from __future__ import annotations

import asyncio
import io
import json
from contextlib import asynccontextmanager
from typing import AsyncIterator, Callable

import pytest

from alerts.sinks import CollectingSink, ConsoleSink, DeliveryResult, Sink, SinkClosedError
from alerts.sinks.webhook import EndpointConfig, WebhookSink


@asynccontextmanager
async def webhook_case(make_receiver, secret) -> AsyncIterator[tuple[Sink, Callable[[], list[str]]]]:
    async with make_receiver(secret=secret) as one, make_receiver(script=[503], secret=secret) as two:
        endpoints = [EndpointConfig(url=rx.url, secret=secret, backoff_initial_s=0.01) for rx in (one, two)]
        # What both receivers accepted: an id counts once it reached every endpoint.
        yield WebhookSink(endpoints), lambda: [i for i in one.accepted if i in two.accepted]


@asynccontextmanager
async def memory_case(make_receiver, secret):
    sink = CollectingSink()
    yield sink, sink.ids


@asynccontextmanager
async def console_case(make_receiver, secret):
    out = io.StringIO()
    lines = lambda: out.getvalue().splitlines()  # noqa: E731
    yield ConsoleSink(out), lambda: [line.rsplit("; alert ", 1)[1] for line in lines() if "; alert " in line]


CASES = [
    pytest.param(webhook_case, id="webhook", marks=pytest.mark.integration),
    pytest.param(memory_case, id="memory"),
    pytest.param(console_case, id="console"),
]


@pytest.fixture(params=CASES)
def run_case(request, make_receiver, secret):
    """Run `body(sink, delivered_ids)` inside a fresh loop with the sink's destination up."""

    def run(body):
        async def scenario():
            async with request.param(make_receiver, secret) as (sink, delivered_ids):
                return await body(sink, delivered_ids)

        return asyncio.run(scenario())

    return run


def test_delivers_and_reports_one_result_per_destination(run_case, make_alert):
    events = [make_alert(hour=h).to_cloudevent() for h in range(3)]

    async def body(sink, delivered_ids):
        async with sink:
            results = [await sink.deliver(e) for e in events]
        return results, delivered_ids()

    results, delivered = run_case(body)
    assert delivered == [e["id"] for e in events]
    for event, per_destination in zip(events, results):
        assert per_destination and all(isinstance(r, DeliveryResult) for r in per_destination)
        for result in per_destination:
            assert result.delivered and not result.permanent and result.event_id == event["id"]
            assert result.attempts and result.attempts[-1].ok
            assert [a.number for a in result.attempts] == list(range(1, len(result.attempts) + 1))
            assert result.endpoint_name and json.loads(json.dumps(result.to_dict()))["event_id"] == event["id"]


def test_the_same_alert_twice_is_delivered_twice_with_one_id(run_case, cloudevent):
    async def body(sink, delivered_ids):
        first = await sink.deliver(cloudevent)
        second = await sink.deliver(cloudevent)
        await sink.close()
        return first, second

    first, second = run_case(body)
    assert [r.event_id for r in first + second] == [cloudevent["id"]] * len(first + second)
    assert all(r.delivered for r in first + second)


def test_close_is_idempotent_and_final(run_case, cloudevent):
    async def body(sink, delivered_ids):
        await sink.deliver(cloudevent)
        await sink.close()
        await sink.close()
        with pytest.raises(SinkClosedError):
            await sink.deliver(cloudevent)
        return delivered_ids()

    assert run_case(body) == [cloudevent["id"]]


def test_concurrent_deliveries_are_all_accounted_for(run_case, make_alert):
    events = [make_alert(hour=h).to_cloudevent() for h in range(6)]

    async def body(sink, delivered_ids):
        async with sink:
            results = await asyncio.gather(*(sink.deliver(e) for e in events))
        return results, delivered_ids()

    results, delivered = run_case(body)
    assert sorted(delivered) == sorted(e["id"] for e in events)
    assert all(r.delivered for per in results for r in per)
