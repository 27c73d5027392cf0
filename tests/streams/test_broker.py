"""The embedded broker starts on loopback, answers Kafka, and never outlives its owner."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from streams.broker import BrokerUnavailable, EmbeddedBroker, wait_for_broker

pytestmark = pytest.mark.integration


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0); read its state
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split()[2] != "Z"


def _wait_dead(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_context_manager_starts_a_kafka_broker_on_loopback_and_stops_it():
    from kafka import KafkaAdminClient
    from kafka.admin import NewTopic

    with EmbeddedBroker() as broker:
        pid = broker.proc.pid
        assert broker.url.startswith("kafka://127.0.0.1:")
        admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap)
        admin.create_topics([NewTopic("probe", 2, 1)])
        assert "probe" in admin.list_topics()
        admin.close()
    assert _wait_dead(pid)


OWNER = textwrap.dedent(
    """
    import signal, sys, time
    from streams.broker import EmbeddedBroker
    # a shell's background job starts with SIGINT ignored; an interactive owner has the default
    signal.signal(signal.SIGINT, signal.default_int_handler)
    broker = EmbeddedBroker().start()
    print(broker.proc.pid, flush=True)
    if sys.argv[1] in ("raise", "exit"):
        sys.stdin.readline()  # the test has seen the broker alive: now leave
    if sys.argv[1] == "raise":
        raise RuntimeError("boom")
    if sys.argv[1] == "exit":
        sys.exit(0)
    time.sleep(60)
    """
)


@pytest.mark.parametrize("how", ["exit", "raise", "sigterm", "sigint", "sigkill"])
def test_no_orphan_broker_on_any_exit_path(how):
    owner = subprocess.Popen([sys.executable, "-c", OWNER, how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    broker_pid = int(owner.stdout.readline())
    assert _alive(broker_pid)
    if how in ("raise", "exit"):
        owner.stdin.write("go\n")
        owner.stdin.flush()
    if how.startswith("sig"):
        owner.send_signal({"sigterm": signal.SIGTERM, "sigint": signal.SIGINT, "sigkill": signal.SIGKILL}[how])
    owner.wait(timeout=30)
    assert _wait_dead(broker_pid), f"broker {broker_pid} outlived its owner ({how})"


def test_unreachable_broker_fails_fast_with_a_clear_error():
    started = time.monotonic()
    with pytest.raises(BrokerUnavailable, match="no Kafka broker answered at 127.0.0.1:9"):
        wait_for_broker("127.0.0.1:9", 2.0)
    assert time.monotonic() - started < 10


def test_run_with_unreachable_broker_exits_non_zero_quickly():
    env = {**os.environ, "FLASHPOINT_BROKER": "kafka://127.0.0.1:9", "FLASHPOINT_BROKER_WAIT_S": "2"}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "run"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "no Kafka broker answered" in proc.stderr
    assert time.monotonic() - started < 30
