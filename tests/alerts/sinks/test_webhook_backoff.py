"""The retry schedule: exponential backoff with seeded jitter, its cap, and Retry-After limits."""

from __future__ import annotations

import asyncio
import random

import pytest

from alerts.sinks.retry import parse_retry_after
from alerts.sinks.webhook import EndpointConfig, WebhookSink

pytestmark = pytest.mark.integration


def run_schedule(make_receiver, seed: int, cloudevent: dict, script: list, **settings) -> tuple[list[float], object]:
    """Deliver against a real failing receiver, recording the waits instead of sleeping them."""
    waits: list[float] = []

    async def record(delay: float) -> None:
        waits.append(delay)

    async def scenario():
        async with make_receiver(script=script) as rx:
            endpoint = EndpointConfig(url=rx.url, **settings)
            async with WebhookSink([endpoint], sleep=record, rng=random.Random(seed)) as sink:
                [result] = await sink.deliver(cloudevent)
        return result

    return waits, asyncio.run(scenario())


SETTINGS = dict(max_attempts=6, backoff_initial_s=0.5, backoff_max_s=2.0, jitter=0.2)


def test_backoff_doubles_up_to_the_cap_within_the_jitter(cloudevent, make_receiver):
    waits, result = run_schedule(make_receiver, 7, cloudevent, [500] * 10, **SETTINGS)
    assert not result.delivered and len(result.attempts) == 6
    bases = [0.5, 1.0, 2.0, 2.0, 2.0]
    assert len(waits) == 5
    for wait, base in zip(waits, bases):
        assert base * 0.8 <= wait <= base * 1.2
    assert len(set(waits)) == 5, "jitter should make every wait different"
    assert [a.next_delay_s for a in result.attempts] == waits + [None]


def test_the_jitter_is_reproducible_from_the_seed(cloudevent, make_receiver):
    first, _ = run_schedule(make_receiver, 11, cloudevent, [500] * 10, **SETTINGS)
    again, _ = run_schedule(make_receiver, 11, cloudevent, [500] * 10, **SETTINGS)
    other, _ = run_schedule(make_receiver, 12, cloudevent, [500] * 10, **SETTINGS)
    assert first == again
    assert first != other


def test_retry_after_raises_the_wait_but_never_lowers_it(cloudevent, make_receiver):
    script = [(429, {"Retry-After": "7"}), (503, {"Retry-After": "0"}), 500]
    waits, result = run_schedule(make_receiver, 3, cloudevent, script, **SETTINGS)
    assert result.delivered and len(waits) == 3
    assert waits[0] == 7.0  # Retry-After above the backoff wins
    assert 0.8 <= waits[1] <= 1.2  # Retry-After: 0 does not cut the backoff
    assert [a.retry_after_s for a in result.attempts] == [7.0, 0.0, None, None]


def test_retry_after_on_a_500_is_ignored(cloudevent, make_receiver):
    waits, result = run_schedule(make_receiver, 3, cloudevent, [(500, {"Retry-After": "60"})], **SETTINGS)
    assert result.delivered and waits[0] < 1.0 and result.attempts[0].retry_after_s is None


def test_a_retry_after_beyond_the_limit_ends_the_retries(cloudevent, make_receiver):
    waits, result = run_schedule(make_receiver, 
        3, cloudevent, [(429, {"Retry-After": "3600"})], retry_after_max_s=60, **SETTINGS
    )
    assert waits == []
    assert not result.delivered and not result.permanent
    assert len(result.attempts) == 1 and result.attempts[0].retry_after_s == 3600.0


def test_retry_after_http_date_is_measured_from_the_clock():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("  120 ", now=0) == 120.0
    assert parse_retry_after("-5", now=0) == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00", now=0) is None  # no zone: not an HTTP date
    assert parse_retry_after("nan", now=0) is None
    assert parse_retry_after("", now=0) is None
