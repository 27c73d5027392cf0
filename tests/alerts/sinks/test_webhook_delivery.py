"""WebhookSink against a real aiohttp receiver on 127.0.0.1 that fails in every way it can."""

from __future__ import annotations

import asyncio
import json
import time
from email.utils import formatdate

import pytest
from cloudevents.core.bindings.http import HTTPMessage, from_http_event
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from alerts.sinks.base import DeliveryResult
from alerts.sinks.webhook import EndpointConfig, WebhookSink

pytestmark = pytest.mark.integration


def fast(url: str, secret: str | None = None, **overrides) -> EndpointConfig:
    """Tiny backoff so the suite runs in seconds; tests that measure a wait set it themselves."""
    settings = dict(timeout_s=2.0, max_attempts=4, backoff_initial_s=0.01, backoff_max_s=0.05, jitter=0.0)
    settings.update(overrides)
    return EndpointConfig(url=url, secret=secret, **settings)


def ids(receiver) -> list[str]:
    return [r.headers["webhook-id"] for r in receiver.received]


def test_signed_delivery_verifies_and_parses_as_a_cloudevent(secret, cloudevent, make_receiver):
    async def scenario():
        async with make_receiver(secret=secret) as rx:
            async with WebhookSink([fast(rx.url, secret)]) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, results = asyncio.run(scenario())
    [result] = results
    assert result.delivered and not result.permanent
    assert [a.status for a in result.attempts] == [204]
    assert rx.verify_failures == 0 and rx.accepted == [cloudevent["id"]]
    [req] = rx.received
    assert req.headers["webhook-id"] == cloudevent["id"]
    assert abs(int(req.headers["webhook-timestamp"]) - time.time()) < 60
    assert req.headers["Content-Type"].startswith("application/cloudevents+json")
    assert Webhook(secret).verify(req.body, req.headers) == cloudevent
    event = from_http_event(HTTPMessage(headers={"content-type": req.headers["Content-Type"]}, body=req.body))
    assert event.get_id() == cloudevent["id"] and event.get_data() == cloudevent["data"]
    # The signature really binds the body: one changed byte fails verification.
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(req.body.replace(b"ARM", b"ARN"), req.headers)


def test_500s_then_success_keep_the_same_webhook_id(secret, cloudevent, make_receiver):
    async def scenario():
        async with make_receiver(script=[500, 502, 503], secret=secret) as rx:
            async with WebhookSink([fast(rx.url, secret)]) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, [result] = asyncio.run(scenario())
    assert result.delivered
    assert [a.status for a in result.attempts] == [500, 502, 503, 204]
    assert ids(rx) == [cloudevent["id"]] * 4
    # Every try is freshly signed and each signature verifies on its own.
    for req in rx.received:
        Webhook(secret).verify(req.body, req.headers)
    assert rx.accepted == [cloudevent["id"]]


def test_429_retry_after_seconds_is_honoured(cloudevent, make_receiver):
    async def scenario():
        async with make_receiver(script=[(429, {"Retry-After": "1"})]) as rx:
            async with WebhookSink([fast(rx.url)]) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, [result] = asyncio.run(scenario())
    assert result.delivered
    first = result.attempts[0]
    assert first.status == 429 and first.retry_after_s == 1.0 and first.next_delay_s >= 1.0
    gap = rx.received[1].arrived - rx.received[0].arrived
    assert gap >= 1.0, f"retried after {gap:.3f}s despite Retry-After: 1"


def test_503_retry_after_http_date_is_honoured(cloudevent, make_receiver):
    async def scenario():
        retry_at = formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1 to 2 s from now
        async with make_receiver(script=[(503, {"Retry-After": retry_at})]) as rx:
            async with WebhookSink([fast(rx.url)]) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, [result] = asyncio.run(scenario())
    assert result.delivered
    wait = result.attempts[0].retry_after_s
    assert wait is not None and 0.5 <= wait <= 2.0
    assert rx.received[1].arrived - rx.received[0].arrived >= wait


@pytest.mark.parametrize("status", [400, 401, 404, 410, 422])
def test_other_4xx_is_permanent_and_not_retried(status, cloudevent, make_receiver):
    dead = []

    async def on_dead_letter(event, result):
        dead.append((event, result))

    async def scenario():
        async with make_receiver(script=[status] * 4) as rx:
            async with WebhookSink([fast(rx.url)], on_dead_letter=on_dead_letter) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, [result] = asyncio.run(scenario())
    assert len(rx.received) == 1
    assert result.permanent and not result.delivered
    assert [a.status for a in result.attempts] == [status]
    assert dead == [(cloudevent, result)]


def test_receiver_down_then_up(cloudevent, make_receiver, free_port):
    port = free_port()
    rx = make_receiver(port=port)
    waits = []

    async def sleep_then_start(delay):
        # The receiver comes up during the sink's first backoff wait.
        waits.append(delay)
        if len(waits) == 1:
            await rx.start()
        await asyncio.sleep(delay)

    async def scenario():
        try:
            async with WebhookSink([fast(rx.url)], sleep=sleep_then_start) as sink:
                return await sink.deliver(cloudevent)
        finally:
            await rx.stop()

    [result] = asyncio.run(scenario())
    assert result.delivered and len(result.attempts) == 2
    down = result.attempts[0]
    assert down.status is None and down.error.startswith("connection error: ClientConnectorError")
    assert down.outcome == "connection" and result.attempts[1].outcome == "success"
    assert ids(rx) == [cloudevent["id"]] and rx.accepted == [cloudevent["id"]]


def test_slow_receiver_times_out_then_the_retry_is_accepted_once(secret, cloudevent, make_receiver):
    async def scenario():
        async with make_receiver(script=["slow"], slow_s=1.0, secret=secret) as rx:
            async with WebhookSink([fast(rx.url, secret, timeout_s=0.3)]) as sink:
                results = await sink.deliver(cloudevent)
            await rx.wait_idle()  # the slow first request finishes after the retry
            return rx, results

    rx, [result] = asyncio.run(scenario())
    assert result.delivered
    assert result.attempts[0].error == "timeout after 0.3 s" and result.attempts[0].status is None
    assert result.attempts[0].outcome == "timeout"
    assert 0.3 <= result.attempts[0].duration_s < 1.0
    assert result.attempts[1].status == 204
    # The receiver processed both requests; deduplicating on webhook-id it accepted one.
    assert ids(rx) == [cloudevent["id"]] * 2
    assert rx.accepted == [cloudevent["id"]] and rx.duplicates == 1


@pytest.mark.parametrize("limit", [1, 3])
def test_per_endpoint_concurrency_limit(limit, make_receiver, make_alert):
    
    events = [make_alert(hour=h).to_cloudevent() for h in range(8)]

    async def scenario():
        async with make_receiver(hold_s=0.1) as rx:
            async with WebhookSink([fast(rx.url, max_concurrency=limit)]) as sink:
                results = await asyncio.gather(*(sink.deliver(e) for e in events))
            return rx, results

    rx, results = asyncio.run(scenario())
    assert all(r.delivered for [r] in results)
    assert sorted(rx.accepted) == sorted(e["id"] for e in events)
    assert rx.max_in_flight == limit


def test_exhausted_retries_return_the_full_history(secret, cloudevent, make_receiver):
    dead: list[tuple[dict, DeliveryResult]] = []

    async def on_dead_letter(event, result):
        dead.append((event, result))

    async def scenario():
        async with make_receiver(script=[500] * 10) as rx:
            async with WebhookSink([fast(rx.url, secret, max_attempts=3)], on_dead_letter=on_dead_letter) as sink:
                return rx, await sink.deliver(cloudevent)

    rx, [result] = asyncio.run(scenario())
    assert not result.delivered and not result.permanent and result.outcome == "exhausted"
    assert [(a.number, a.status, a.error) for a in result.attempts] == [(n, 500, "HTTP 500") for n in (1, 2, 3)]
    assert [a.next_delay_s is not None for a in result.attempts] == [True, True, False]
    assert len(rx.received) == 3 and set(ids(rx)) == {cloudevent["id"]}
    assert dead == [(cloudevent, result)]
    history = json.loads(json.dumps(result.to_dict()))
    assert history["event_id"] == cloudevent["id"] and len(history["attempts"]) == 3
    assert history["attempts"][0]["started_at"].endswith("Z")
    assert secret not in json.dumps(history) and rx.url not in json.dumps(history)


def test_endpoints_are_independent(cloudevent, make_receiver, free_port):
    dead: list[str] = []

    async def on_dead_letter(event, result):
        dead.append(result.outcome)

    async def scenario():
        rejecting, flaky, healthy = make_receiver(script=[400]), make_receiver(script=[500]), make_receiver()
        async with rejecting, flaky, healthy:
            down = fast(f"http://127.0.0.1:{free_port()}/hook", max_attempts=2)
            endpoints = [down, fast(rejecting.url), fast(flaky.url), fast(healthy.url)]
            async with WebhookSink(endpoints, on_dead_letter=on_dead_letter) as sink:
                return healthy, flaky, await sink.deliver(cloudevent)

    healthy, flaky, results = asyncio.run(scenario())
    assert [r.delivered for r in results] == [False, False, True, True]
    assert [r.permanent for r in results] == [False, True, False, False]
    assert [len(r.attempts) for r in results] == [2, 1, 2, 1]
    assert healthy.accepted == [cloudevent["id"]] and flaky.accepted == [cloudevent["id"]]
    assert dead == ["exhausted", "rejected"]  # one dead letter per endpoint that gave up


def test_a_failing_dead_letter_callback_is_not_swallowed(cloudevent, make_receiver):
    async def on_dead_letter(event, result):
        raise ConnectionError("dead-letter topic unreachable")

    async def scenario():
        async with make_receiver(script=[404]) as rx:
            async with WebhookSink([fast(rx.url)], on_dead_letter=on_dead_letter) as sink:
                await sink.deliver(cloudevent)

    with pytest.raises(ConnectionError, match="dead-letter topic unreachable"):
        asyncio.run(scenario())


def test_configured_headers_are_sent_but_cannot_forge_the_webhook_ones(secret, cloudevent, make_receiver):
    extra = {"Authorization": "Bearer tok", "webhook-id": "forged", "content-type": "text/plain"}

    async def scenario():
        async with make_receiver(secret=secret) as rx:
            async with WebhookSink([fast(rx.url, secret, headers=extra)]) as sink:
                await sink.deliver(cloudevent)
        return rx

    [req] = asyncio.run(scenario()).received
    assert req.headers["Authorization"] == "Bearer tok"
    sent = [name for name, _ in req.header_pairs]
    assert sent.count("webhook-id") == 1 and sent.count("content-type") == 1
    assert req.headers["webhook-id"] == cloudevent["id"]
    assert req.headers["Content-Type"].startswith("application/cloudevents+json")
    assert Webhook(secret).verify(req.body, req.headers) == cloudevent
