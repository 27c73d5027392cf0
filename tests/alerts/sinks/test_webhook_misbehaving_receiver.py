"""Issue 7's webhook fault, at the library level: a receiver that is down, then answers 500,
then 429 with Retry-After, then answers too slowly, then recovers. Every alert must arrive,
each webhook-id must be accepted exactly once, and the waits must follow the configuration.
"""

from __future__ import annotations

import asyncio
import statistics

import pytest

from alerts.sinks.webhook import EndpointConfig, WebhookSink

pytestmark = [pytest.mark.integration, pytest.mark.fault]

ALERTS = 12
RETRY_AFTER_S = 1.0


def test_every_alert_survives_a_receiver_that_misbehaves_in_turn(make_receiver, make_alert, free_port, secret):
    events = [make_alert(hour=h).to_cloudevent() for h in range(ALERTS)]
    # By arrival order: a wave of 500s, a wave of 429s, a wave of too-slow answers, then 204s.
    script = [500] * ALERTS + [(429, {"Retry-After": f"{RETRY_AFTER_S:g}"})] * ALERTS + ["slow"] * ALERTS
    rx = make_receiver(script=script, secret=secret, slow_s=0.8, port=free_port())
    endpoint = EndpointConfig(
        url=rx.url, secret=secret, timeout_s=0.3, max_attempts=10,
        backoff_initial_s=0.05, backoff_max_s=0.4, jitter=0.2, max_concurrency=ALERTS,
    )
    refused = 0
    started: list[asyncio.Task] = []

    def on_attempt(_endpoint, attempt):
        nonlocal refused
        # The receiver comes up once every alert has been refused a connection at least once.
        if attempt.outcome == "connection":
            refused += 1
            if refused == ALERTS:
                started.append(asyncio.get_running_loop().create_task(rx.start()))

    async def scenario():
        try:
            async with WebhookSink([endpoint], on_attempt=on_attempt) as sink:
                results = await asyncio.gather(*(sink.deliver(e) for e in events))
            await rx.wait_idle()  # the slow answers finish after their retries succeeded
            return [r for [r] in results]
        finally:
            await rx.stop()

    results = asyncio.run(scenario())
    assert started, "the receiver never came up"
    assert all(r.delivered for r in results)
    assert sorted(rx.accepted) == sorted(e["id"] for e in events)  # each id accepted exactly once
    assert rx.duplicates == ALERTS  # every slow request finished later and was recognised as a repeat
    assert rx.verify_failures == 0

    outcomes = [[a.outcome for a in r.attempts] for r in results]
    for seen in outcomes:
        assert seen[0] == "connection" and seen[-1] == "success"
    # Which alert drew which answer depends on arrival order; the totals do not.
    flat = [o for seen in outcomes for o in seen]
    assert (flat.count("http_5xx"), flat.count("http_429"), flat.count("timeout")) == (ALERTS,) * 3
    assert flat.count("success") == ALERTS
    for result in results:
        for attempt, following in zip(result.attempts, result.attempts[1:]):
            waited = following.started_at - (attempt.started_at + attempt.duration_s)
            # Never sooner than the configured backoff (minus its jitter), nor than Retry-After.
            floor = RETRY_AFTER_S if attempt.outcome == "http_429" else endpoint.backoff_initial_s * 0.8
            assert waited >= floor - 0.005, (attempt, following)
    # Per-request arrival gaps at the receiver for each webhook-id after a 429.
    by_id: dict[str, list] = {}
    for req in rx.received:
        by_id.setdefault(req.headers["webhook-id"], []).append(req)
    gaps_after_429 = [
        later.arrived - earlier.arrived
        for reqs in by_id.values()
        for earlier, later in zip(reqs, reqs[1:])
        if earlier.answered == 429
    ]
    assert gaps_after_429 and min(gaps_after_429) >= RETRY_AFTER_S
    span = max(r.attempts[-1].started_at for r in results) - min(r.attempts[0].started_at for r in results)
    print(
        f"\n{ALERTS} alerts, {len(rx.received)} requests received, "
        f"attempts per alert {statistics.mean(len(o) for o in outcomes):.1f} "
        f"(max {max(len(o) for o in outcomes)}); min gap after 429 {min(gaps_after_429):.3f} s; "
        f"time to deliver {span:.2f} s"
    )
    for seen in outcomes[:3]:
        print("  ", " -> ".join(seen))
