"""Shared pieces for the sink tests, given to tests as fixtures (the suite runs in importlib mode).

`make_receiver(...)` builds a real aiohttp webhook receiver on 127.0.0.1 that misbehaves on cue.

`script` says how to answer each request in turn (an HTTP status, a (status, headers) pair,
or "slow" to answer 204 only after `slow_s`, past the sender's timeout); when it runs out,
the receiver answers 204. Like a careful production receiver, it verifies signatures and
accepts each webhook-id once: a repeat is answered 204 but counted in `duplicates` only.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from alerts.model import Alert, Evidence


def make_alert(state: str = "firing", actors: tuple[str, ...] = ("ARM", "AZE"), hour: int = 0) -> Alert:
    return Alert(
        signal="hostility",
        scope="dyad" if len(actors) == 2 else ("country" if actors else "global"),
        actors=actors,
        window_start=f"2022-09-13T{hour:02d}:00:00Z",
        window_end=f"2022-09-13T{hour + 1:02d}:00:00Z",
        observed=42.0,
        expected=3.1,
        score=8.2,
        p_value=1.2e-6,
        severity="high",
        state=state,
        evidence=(
            Evidence("art-1", "https://news.example.org/a1", "Azerbaijan shelled Armenian towns, Armenia said."),
            Evidence("art-2", None, "Pakistan condemned <Armenian> aggression & called for calm."),
        ),
    )


@dataclass
class Received:
    arrived: float  # time.monotonic() when the request reached the handler
    headers: dict[str, str]
    body: bytes
    answered: int | str = 0
    header_pairs: list[tuple[str, str]] = field(default_factory=list)  # as sent, repeats included


def free_port() -> int:
    """A loopback port nothing listens on (bound and released), for a receiver that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Receiver:
    script: list[Any] = field(default_factory=list)
    secret: str | None = None
    hold_s: float = 0.0  # every 2xx answer waits this long first (for the concurrency test)
    slow_s: float = 1.0  # how long a "slow" step takes to answer
    port: int = 0
    received: list[Received] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # webhook-ids, each once, in order
    duplicates: int = 0
    verify_failures: int = 0
    in_flight: int = 0
    max_in_flight: int = 0

    def __post_init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def start(self) -> "Receiver":
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # the real port when 0 was asked
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "Receiver":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        pairs = [(k.decode().lower(), v.decode()) for k, v in request.raw_headers]
        record = Received(time.monotonic(), dict(request.headers), body, header_pairs=pairs)
        self.received.append(record)
        self.in_flight += 1
        self._idle.clear()
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            step = self.script[len(self.received) - 1] if len(self.received) <= len(self.script) else 204
            if step == "slow":
                await asyncio.sleep(self.slow_s)
                step = 204
            status, headers = step if isinstance(step, tuple) else (step, {})
            if 200 <= status < 300:
                if self.hold_s:
                    await asyncio.sleep(self.hold_s)
                status = self._accept(record)
            record.answered = status
            return web.Response(status=status, headers=headers)
        finally:
            self.in_flight -= 1
            if self.in_flight == 0:
                self._idle.set()

    async def wait_idle(self, timeout: float = 10.0) -> None:
        """Until no request is being handled (a slow one may outlive the sender's wait)."""
        await asyncio.wait_for(self._idle.wait(), timeout)

    def _accept(self, record: Received) -> int:
        if self.secret is not None:
            try:
                Webhook(self.secret).verify(record.body, record.headers)
            except WebhookVerificationError:
                self.verify_failures += 1
                return 401
        msg_id = record.headers.get("webhook-id", "")
        if msg_id in self.accepted:
            self.duplicates += 1
        else:
            self.accepted.append(msg_id)
        return 204


@pytest.fixture
def make_receiver():
    return Receiver


@pytest.fixture(name="make_alert")
def make_alert_fixture():
    return make_alert


@pytest.fixture(name="free_port")
def free_port_fixture():
    return free_port


@pytest.fixture
def alert() -> Alert:
    return make_alert()


@pytest.fixture
def cloudevent(alert: Alert) -> dict:
    return alert.to_cloudevent()


@pytest.fixture
def secret() -> str:
    return "whsec_" + base64.b64encode(os.urandom(32)).decode()
