"""Broker-loss handling: a worker whose broker stays away too long exits with a clear message.

Faust and aiokafka reconnect on their own, forever, so a short outage needs nothing from us:
the watchdog only logs when contact is lost and regained. A long outage, though, leaves a
worker that looks alive and does nothing; after `FLASHPOINT_BROKER_LOST_EXIT_S` without
contact it exits with code 69 (EX_UNAVAILABLE) so that a supervisor (systemd, Docker,
Kubernetes) restarts it and the outage shows up where people look.

While the broker is away the Kafka client logs the same few errors dozens of times a second;
`RepeatedClientErrors` lets one of each through per 10 s with a count of those held back, so
the log stays readable and the watchdog's own lines stand out.

A broker can also come back empty: the embedded broker keeps everything in memory, so after
a restart on the same address this worker's topics (its internal `extracted` topic and the
detector-state changelog included) are gone, and Faust, which declares topics only at start,
would go on consuming nothing and committing into the void. On every reconnect, and every
10 s, the watchdog checks that the topics it has seen still exist; if not, it exits (69) so
that the restart declares them again.

Contact is one Kafka ApiVersions round trip on a raw socket, from a thread: it needs neither
the event loop (which may itself be stuck in a client retry) nor a client library's own
reconnect and timeout rules, and it is bounded by a socket timeout.

The exit is immediate (`os._exit`), not a graceful Faust stop: with no broker a graceful stop
would block on commits, group leave and producer flushes that cannot reach anyone, and it
adds no loss of its own: input whose offset was not committed is read again after the restart. Child processes (the extraction pool) are ended first.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import ssl
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from mode import Service

log = logging.getLogger("flashpoint.watchdog")
EXIT_BROKER_LOST = 69  # sysexits EX_UNAVAILABLE
_API_VERSIONS = 18
_CORRELATION_ID = 0x0F1A5
_CLIENT_ID = b"flashpoint-watchdog"


@dataclass(frozen=True, kw_only=True)
class WatchdogConfig:
    bootstrap: str
    """host:port[,host:port]: any one answering counts as contact."""
    exit_after_s: float
    """Seconds without contact after which the process exits (FLASHPOINT_BROKER_LOST_EXIT_S)."""
    probe_interval_s: float = 2.0
    """Seconds between probes."""
    probe_timeout_s: float = 3.0
    """Connect + answer limit of one probe."""
    tls: bool = False
    """Wrap the probe socket in TLS (security protocol SSL or SASL_SSL)."""
    cafile: str | None = None
    """CA bundle for TLS; None uses the system's."""
    topics: tuple[str, ...] = ()
    """This worker's topics: if the broker comes back without ones it had, its data is gone."""
    topic_check_every_s: float = 10.0
    """Seconds between checks that those topics still exist (also checked on every reconnect)."""
    client_options: dict[str, Any] = field(default_factory=dict, repr=False)
    """kafka-python security options for the topic check (may hold the SASL password)."""


def api_versions_round_trip(host: str, port: int, timeout_s: float, tls: ssl.SSLContext | None = None) -> None:
    """Send a Kafka ApiVersions v0 request and read the answer; raise OSError/ValueError if none.

    ApiVersions is answered before any SASL handshake, so no credentials are needed.
    """
    body = struct.pack(">hhih", _API_VERSIONS, 0, _CORRELATION_ID, len(_CLIENT_ID)) + _CLIENT_ID
    with socket.create_connection((host, port), timeout=timeout_s) as raw:
        sock = tls.wrap_socket(raw, server_hostname=host) if tls is not None else raw
        sock.sendall(struct.pack(">i", len(body)) + body)
        (size,) = struct.unpack(">i", _read_exactly(sock, 4))
        if not 6 <= size <= 1_000_000:
            raise ValueError(f"not a Kafka answer (frame of {size} bytes)")
        correlation_id, _error = struct.unpack(">ih", _read_exactly(sock, 6))
        if correlation_id != _CORRELATION_ID:
            raise ValueError("not a Kafka answer (wrong correlation id)")


def _read_exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("connection closed by the broker")
        data += chunk
    return data


class RepeatedClientErrors(logging.Filter):
    """A handler filter: a Kafka client warning or error repeated within `every_s` is held back.

    >>> f = RepeatedClientErrors(every_s=10.0, clock=iter([0.0, 1.0, 2.0, 12.0]).__next__)
    >>> def rec(): return logging.LogRecord("aiokafka.conn", logging.ERROR, "", 0, "Unable connect to node %s", (1,), None)
    >>> [f.filter(rec()) for _ in range(3)]
    [True, False, False]
    >>> r = rec(); f.filter(r), r.getMessage()
    (True, 'Unable connect to node 1 (2 more like it in the last 12s)')
    """

    PREFIXES = ("aiokafka", "kafka")

    def __init__(self, every_s: float = 10.0, clock=time.monotonic) -> None:
        super().__init__()
        self.every_s, self.clock = every_s, clock
        self._last: dict[tuple[str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not record.name.startswith(self.PREFIXES):
            return True
        key, now = (record.name, str(record.msg)), self.clock()
        last, held = self._last.get(key, (None, 0))
        if last is not None and now - last < self.every_s:
            self._last[key] = (last, held + 1)
            return False
        self._last[key] = (now, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like it in the last {now - last:.0f}s)"
        return True


def quiet_repeated_client_errors(every_s: float = 10.0) -> None:
    """Put one RepeatedClientErrors on every root handler (idempotent)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RepeatedClientErrors) for f in handler.filters):
            handler.addFilter(RepeatedClientErrors(every_s))


class BrokerWatchdog(Service):
    """Started and stopped with the Faust app; the probing itself runs in a daemon thread."""

    def __init__(self, config: WatchdogConfig, **kwargs) -> None:
        super().__init__(**kwargs)
        self.config = config
        self.last_contact = time.monotonic()
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="broker-watchdog", daemon=True)
        tls_context = ssl.create_default_context(cafile=config.cafile) if config.tls else None
        self._tls = tls_context
        self._known_topics: set[str] = set()

    async def on_start(self) -> None:
        self.last_contact = time.monotonic()
        quiet_repeated_client_errors()  # the worker's logging is set up by now
        self._thread.start()
        log.info("broker watchdog on %s: exit after %.0fs without contact", self.config.bootstrap,
                 self.config.exit_after_s)

    async def on_stop(self) -> None:
        self._halt.set()

    def probe(self) -> str | None:
        """None when some bootstrap server answered, else the last error as text."""
        error = "no bootstrap servers"
        for server in self.config.bootstrap.split(","):
            host, _, port = server.strip().rpartition(":")
            try:
                api_versions_round_trip(host, int(port), self.config.probe_timeout_s, self._tls)
                return None
            except (OSError, ValueError) as exc:
                error = f"{type(exc).__name__}: {exc}"
        return error

    def missing_topics(self) -> list[str]:
        """Topics of this worker the broker had at an earlier check and has no longer."""
        from kafka import KafkaAdminClient

        admin = KafkaAdminClient(bootstrap_servers=self.config.bootstrap, client_id="flashpoint-watchdog",
                                 request_timeout_ms=int(self.config.probe_timeout_s * 1000),
                                 **self.config.client_options)
        try:
            existing = set(admin.list_topics())
        finally:
            admin.close()
        missing = sorted(self._known_topics - existing)
        self._known_topics |= existing & set(self.config.topics)
        return missing

    def _check_topics(self) -> None:
        try:
            missing = self.missing_topics()
        except Exception as exc:  # a failed check is not evidence of loss; the probe decides that
            log.debug("topic check failed: %r", exc)
            return
        if missing:
            log.error("broker %s is back without this worker's topics %s: a memory-only broker restarted and "
                      "its data is gone; exiting with code %d so that a restart declares them again (articles "
                      "the old broker held must be replayed)", self.config.bootstrap, ", ".join(missing),
                      EXIT_BROKER_LOST)
            self._end(EXIT_BROKER_LOST)

    def _watch(self) -> None:
        lost_since: float | None = None
        next_report = next_check = 0.0
        while not self._halt.wait(self.config.probe_interval_s):
            error = self.probe()
            now = time.monotonic()
            if error is None:
                if lost_since is not None:
                    log.warning("broker %s reachable again after %.1fs", self.config.bootstrap, now - lost_since)
                if lost_since is not None or now >= next_check:
                    next_check = now + self.config.topic_check_every_s
                    self._check_topics()
                lost_since, self.last_contact = None, now
                continue
            away = now - self.last_contact
            if lost_since is None:
                lost_since, next_report = self.last_contact, now + 10.0
                log.warning("broker %s unreachable (%s); the worker keeps retrying and exits if it stays away "
                            "%.0fs (FLASHPOINT_BROKER_LOST_EXIT_S)", self.config.bootstrap, error,
                            self.config.exit_after_s)
            elif now >= next_report:
                next_report = now + 10.0
                log.warning("broker %s still unreachable after %.0fs (exit at %.0fs)", self.config.bootstrap, away,
                            self.config.exit_after_s)
            if away >= self.config.exit_after_s:
                self._exit(away, error)

    def _exit(self, away: float, error: str) -> None:
        log.error("broker %s unreachable for %.0fs (FLASHPOINT_BROKER_LOST_EXIT_S=%.0f; last error %s): "
                  "exiting with code %d so a supervisor restarts the worker; uncommitted input will be "
                  "read again", self.config.bootstrap, away, self.config.exit_after_s, error, EXIT_BROKER_LOST)
        self._end(EXIT_BROKER_LOST)

    def _end(self, code: int) -> None:
        end_children(timeout_s=5.0)
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stderr.flush()
        os._exit(code)


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children first), from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat.rsplit(b")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def end_children(timeout_s: float) -> None:
    """SIGTERM every descendant, SIGKILL whatever is left after `timeout_s`."""
    pids = descendants(os.getpid())
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{p}") and not _zombie(p) for p in pids):
        time.sleep(0.1)
    for pid in pids:
        _signal(pid, signal.SIGKILL)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return True


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def install_watchdog(fp) -> BrokerWatchdog:
    """Attach the watchdog to the app of `fp` (a streams.app.Flashpoint); it starts with the app."""
    from streams.replay import kafka_python_security

    settings = fp.settings
    topics = [t.get_topic_name() for t in vars(fp.topics).values()]
    topics += [table.changelog_topic.get_topic_name() for table in fp.app.tables.values()]
    bootstrap = ",".join(f"{url.host}:{url.port}" for url in fp.app.conf.broker)
    watchdog = BrokerWatchdog(WatchdogConfig(
        bootstrap=bootstrap, exit_after_s=settings.broker_lost_exit_s,
        probe_interval_s=min(2.0, settings.broker_lost_exit_s / 4),
        tls="SSL" in settings.kafka_security_protocol,
        cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None,
        topics=tuple(topics), client_options=kafka_python_security(settings)))
    fp.app.add_dependency(watchdog)
    fp.hooks["watchdog"] = watchdog
    return watchdog
