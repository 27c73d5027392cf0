"""Endpoints from the environment and the YAML config; the secret stays out of sight."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
import yaml

from alerts.sinks.webhook import EndpointConfig, WebhookSink, endpoints_from_settings


def test_env_urls_share_the_env_secret_and_settings(secret):
    env = {
        "FLASHPOINT_WEBHOOK_URLS": "http://127.0.0.1:9001/a, https://hooks.example.net/b,,",
        "FLASHPOINT_WEBHOOK_SECRET": secret,
        "FLASHPOINT_WEBHOOK_FORMAT": "alertmanager",
        "FLASHPOINT_WEBHOOK_MAX_ATTEMPTS": "9",
    }
    a, b = endpoints_from_settings(env)
    assert (a.url, a.name, b.name) == ("http://127.0.0.1:9001/a", "127.0.0.1:9001", "hooks.example.net:443")
    assert a.secret == b.secret == secret
    assert a.format == b.format == "alertmanager" and a.max_attempts == 9 and a.timeout_s == 5.0


def test_nothing_configured_means_no_endpoints():
    assert endpoints_from_settings({}) == []


def test_a_secret_resolved_by_the_caller_wins_over_the_env(secret):
    env = {"FLASHPOINT_WEBHOOK_URLS": "http://127.0.0.1:9001/a", "FLASHPOINT_WEBHOOK_SECRET": "whsec_aGVsbG8="}
    [endpoint] = endpoints_from_settings(env, secret=secret)
    assert endpoint.secret == secret


def test_yaml_entries_with_their_own_settings_and_secrets(secret, tmp_path):
    (tmp_path / "oncall.secret").write_text(secret + "\n")
    config = yaml.safe_load(
        f"""
        webhooks:
          - url: http://127.0.0.1:9001/alerts
            format: slack
            max_concurrency: 1
            headers: {{X-Team: conflict-desk}}
          - url: http://127.0.0.1:9002/am
            name: alertmanager-bridge
            format: alertmanager
            timeout_s: 2.5
            secret_file: {tmp_path / "oncall.secret"}
          - url: http://127.0.0.1:9003/raw
            secret_env: RAW_SECRET
        """
    )["webhooks"]
    env = {"FLASHPOINT_WEBHOOK_URLS": "http://127.0.0.1:9001/alerts", "RAW_SECRET": secret}
    slack, am, raw = endpoints_from_settings(env, config)  # the env URL and the first entry are one
    assert slack.format == "slack" and slack.max_concurrency == 1 and not slack.signed
    assert dict(slack.headers) == {"X-Team": "conflict-desk"}
    assert am.name == "alertmanager-bridge" and am.timeout_s == 2.5 and am.secret == secret
    assert raw.secret == secret and raw.format == "cloudevents"


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"url": "http://h/x", "secret": "whsec_aGVsbG8="}, "literal secret"),
        ({"url": "http://h/x", "retries": 3}, "unknown webhook settings"),
        ({"format": "slack"}, "needs a url"),
        ({"url": "http://h/x", "secret_env": "UNSET_VAR"}, "UNSET_VAR is not set"),
        ({"url": "ftp://h/x"}, "http(s)"),
        ({"url": "http://h/x", "format": "xml"}, "format must be one of"),
    ],
)
def test_bad_entries_are_refused_clearly(entry, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        endpoints_from_settings({}, [entry])


def test_a_malformed_secret_is_refused_without_echoing_it():
    for bad in ("not-a-whsec-secret-123", "whsec_!!!notbase64!!!"):
        with pytest.raises(ValueError) as caught:
            EndpointConfig(url="http://h/x", secret=bad)
        assert bad.removeprefix("whsec_") not in str(caught.value)
    with pytest.raises(ValueError, match="non-empty"):
        EndpointConfig(url="http://h/x", secret="whsec_")


@pytest.mark.integration
def test_the_secret_never_reaches_logs_repr_or_results(secret, cloudevent, caplog, make_receiver, free_port):
    token = "Bearer tok-3f1a9c"
    raw_key = secret.removeprefix("whsec_")

    async def scenario():
        async with make_receiver(script=[500, (429, {"Retry-After": "0"}), 401]) as rx:
            down = EndpointConfig(url=f"http://user:pw@127.0.0.1:{free_port()}/h", secret=secret,
                                  max_attempts=2, backoff_initial_s=0.01)
            flaky = EndpointConfig(url=rx.url, secret=secret, backoff_initial_s=0.01, headers={"Authorization": token})
            sink = WebhookSink([down, flaky])
            results = await sink.deliver(cloudevent)
            await sink.close()
            return sink, [down, flaky], results

    with caplog.at_level(logging.DEBUG):
        sink, endpoints, results = asyncio.run(scenario())
    assert [r.delivered for r in results] == [False, False] and results[1].permanent
    assert any("not delivered" in m for m in caplog.messages)
    shown = "\n".join(
        [caplog.text, repr(sink), *map(repr, endpoints), *map(str, endpoints), *map(repr, results)]
        + [json.dumps(r.to_dict()) for r in results]
    )
    for leaked in (secret, raw_key, token, "user:pw"):
        assert leaked not in shown


@pytest.mark.integration
def test_unsigned_endpoints_warn_once_and_still_carry_an_id(cloudevent, caplog, make_receiver):
    async def scenario():
        async with make_receiver() as rx:
            async with WebhookSink([EndpointConfig(url=rx.url)]) as sink:
                await sink.deliver(cloudevent)
                await sink.deliver(cloudevent)
        return rx

    with caplog.at_level(logging.WARNING):
        rx = asyncio.run(scenario())
    assert sum("NOT signed" in m for m in caplog.messages) == 1
    assert [r.headers["webhook-id"] for r in rx.received] == [cloudevent["id"]] * 2
    assert all("webhook-signature" not in r.headers for r in rx.received)
    assert rx.duplicates == 1
