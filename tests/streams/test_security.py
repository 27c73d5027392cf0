"""Security basics on a live worker: secrets stay secret, servers stay on loopback.

One worker runs with a webhook secret and a SASL password in its environment (the password is
unused: the protocol is PLAINTEXT), at debug log level, delivering to a real receiver that
always answers 500, so alerts end up on the dead-letter topic with their delivery history.
Then the log, the dead-letter and alert topics and /metrics are searched for the secrets.
"""

from __future__ import annotations

import base64
import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest

from streams.replay import ensure_topics, replay
from streams.settings import load_settings

from .conftest import SAMPLE, json_values, read_topic

pytestmark = [pytest.mark.fault, pytest.mark.integration]


class FailingReceiver:
    """A webhook receiver on 127.0.0.1 that answers 500 to everything and keeps the request headers."""

    def __init__(self) -> None:
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append(dict(self.headers))
                self.send_response(500)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    rx = FailingReceiver()
    yield rx
    rx.close()


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a TCP socket in LISTEN state on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:  # /proc prints IPv6 as four little-endian 32-bit words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def outward_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing decides the source address, nothing is sent
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_secrets_never_reach_logs_dead_letters_or_metrics(broker, make_worker, receiver):
    key = f"fp-signing-key-{uuid.uuid4().hex}".encode()
    webhook_secret = "whsec_" + base64.b64encode(key).decode()
    sasl_password = f"sasl-password-{uuid.uuid4().hex}"
    worker = make_worker(
        FLASHPOINT_WEBHOOK_URLS=receiver.url, FLASHPOINT_WEBHOOK_SECRET=webhook_secret,
        FLASHPOINT_WEBHOOK_MAX_ATTEMPTS="2", FLASHPOINT_WEBHOOK_TIMEOUT_S="2",
        FLASHPOINT_KAFKA_SASL_MECHANISM="PLAIN", FLASHPOINT_KAFKA_SASL_USERNAME="flashpoint",
        FLASHPOINT_KAFKA_SASL_PASSWORD=sasl_password, FLASHPOINT_LOG_LEVEL="debug",
    ).start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    replay(SAMPLE.read_bytes().splitlines(), broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total('flashpoint_deadletter_total{reason="webhook_failed",stage="deliver"}') >= 5,
                      timeout=240, what="five alerts dead-lettered after failed deliveries")
    metrics_body = orjson.dumps(worker.metrics())
    assert worker.stop() == 0

    letters = read_topic(broker.bootstrap, worker.prefix + "deadletter", idle_s=1)
    alerts = read_topic(broker.bootstrap, worker.prefix + "alerts", idle_s=1)
    log = worker.log_path.read_bytes()
    # the check is not vacuous: the secret was loaded and used, the history is there, the log is verbose
    assert receiver.received and all(h.get("webhook-signature", "").startswith("v1,") for h in receiver.received)
    deliver_letters = [d for d in json_values(letters) if d["stage"] == "deliver"]
    assert deliver_letters and all(d["history"] and d["history"][0]["attempts"] for d in deliver_letters)
    assert b"[DEBUG]" in log and len(log) > 100_000
    secrets = {"webhook secret": webhook_secret.encode(), "signing key": key,
               "signing key (base64)": base64.b64encode(key), "SASL password": sasl_password.encode()}
    places = {"worker log": log, "dead-letter topic": b"\n".join(r.value for r in letters),
              "alerts topic": b"\n".join(r.value for r in alerts), "/metrics": metrics_body}
    leaks = [(secret, place) for secret, value in secrets.items() for place, text in places.items() if value in text]
    print(f"\nRELIABILITY secrets: searched {len(log)} log bytes, {len(letters)} dead letters "
          f"({len(deliver_letters)} with delivery history), {len(alerts)} alerts: leaks {leaks}")
    assert not leaks


def test_the_worker_web_server_and_the_embedded_broker_listen_on_loopback_only(broker, make_worker):
    worker = make_worker().start()
    try:
        assert listening_addresses(worker.port) == {"127.0.0.1"}
        assert listening_addresses(broker.port) == {"127.0.0.1"}
        address = outward_address()
        if address is not None:  # with a non-loopback address, prove the port is closed there
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((address, worker.port), timeout=5).close()
        assert worker.metrics()  # while the loopback address answers
    finally:
        assert worker.stop() == 0
