"""Webhook endpoints from the environment and/or the YAML config file.

Secrets come only from the environment or a file (never from the YAML itself), so a config
file can be committed or printed without leaking anything.

Environment:
  FLASHPOINT_WEBHOOK_URLS         comma-separated URLs, all with the settings below
  FLASHPOINT_WEBHOOK_SECRET       `whsec_...`; the default secret for every endpoint
  FLASHPOINT_WEBHOOK_SECRET_FILE  a file holding the secret (used when the variable above is unset)
  FLASHPOINT_WEBHOOK_FORMAT, FLASHPOINT_WEBHOOK_TIMEOUT_S, FLASHPOINT_WEBHOOK_MAX_ATTEMPTS,
  FLASHPOINT_WEBHOOK_MAX_CONCURRENCY   settings for the URLs above

YAML (a list of dicts, e.g. the `webhooks:` key of the config file), one per endpoint:
  - url: https://hooks.example.net/flashpoint
    format: alertmanager          # any EndpointConfig field except `secret`
    max_attempts: 8
    secret_env: ONCALL_WEBHOOK_SECRET   # or secret_file: /run/secrets/oncall; default: the env secret
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterable, Mapping

from alerts.sinks.endpoint import EndpointConfig

_FIELDS = {f.name for f in fields(EndpointConfig)} - {"secret"}
_ENV_SETTINGS = {
    "FLASHPOINT_WEBHOOK_FORMAT": ("format", str),
    "FLASHPOINT_WEBHOOK_TIMEOUT_S": ("timeout_s", float),
    "FLASHPOINT_WEBHOOK_MAX_ATTEMPTS": ("max_attempts", int),
    "FLASHPOINT_WEBHOOK_MAX_CONCURRENCY": ("max_concurrency", int),
}


def endpoints_from_settings(
    env: Mapping[str, str] | None = None,
    config: Iterable[Mapping[str, Any]] | None = None,
    *,
    secret: str | None = None,
) -> list[EndpointConfig]:
    """Every configured endpoint: the env URLs, then the YAML entries (which win for the same URL).

    `env` defaults to os.environ; `config` is the YAML list; `secret`, when given, is the
    default secret instead of FLASHPOINT_WEBHOOK_SECRET(_FILE) (for callers that already
    resolved it, e.g. from a pydantic SecretStr).

    >>> eps = endpoints_from_settings({"FLASHPOINT_WEBHOOK_URLS": "http://a:1/x, http://b:2/y"})
    >>> [(e.name, e.signed) for e in eps]
    [('a:1', False), ('b:2', False)]
    """
    env = os.environ if env is None else env
    default_secret = secret if secret is not None else _env_secret(env)
    endpoints: list[EndpointConfig] = []
    common = {}
    for var, (name, cast) in _ENV_SETTINGS.items():
        if env.get(var, "").strip():
            try:
                common[name] = cast(env[var].strip())
            except ValueError:
                raise ValueError(f"{var} is not a valid {cast.__name__}") from None
    for url in (env.get("FLASHPOINT_WEBHOOK_URLS") or "").split(","):
        if url.strip():
            endpoints.append(EndpointConfig(url=url.strip(), secret=default_secret, **common))
    for entry in config or ():
        endpoints.append(_from_entry(entry, default_secret, env))
    # One endpoint per URL; a YAML entry overrides the env default for the same URL.
    by_url: dict[str, EndpointConfig] = {}
    for endpoint in endpoints:
        by_url[endpoint.url] = endpoint
    return list(by_url.values())


def _env_secret(env: Mapping[str, str]) -> str | None:
    if env.get("FLASHPOINT_WEBHOOK_SECRET", "").strip():
        return env["FLASHPOINT_WEBHOOK_SECRET"].strip()
    if env.get("FLASHPOINT_WEBHOOK_SECRET_FILE", "").strip():
        return _read_secret_file(env["FLASHPOINT_WEBHOOK_SECRET_FILE"].strip())
    return None


def _read_secret_file(path: str) -> str:
    try:
        secret = Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ValueError(f"cannot read webhook secret file {path}: {exc.strerror}") from None
    if not secret:
        raise ValueError(f"webhook secret file {path} is empty")
    return secret


def _from_entry(entry: Mapping[str, Any], default_secret: str | None, env: Mapping[str, str]) -> EndpointConfig:
    entry = dict(entry)
    if "secret" in entry:
        raise ValueError(
            "webhook entries may not hold a literal secret; use secret_env (a variable name) or secret_file"
        )
    secret = default_secret
    if "secret_env" in entry:
        var = entry.pop("secret_env")
        if not env.get(var, "").strip():
            raise ValueError(f"webhook secret_env {var} is not set")
        secret = env[var].strip()
    if "secret_file" in entry:
        secret = _read_secret_file(str(entry.pop("secret_file")))
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ValueError(f"unknown webhook settings {sorted(unknown)}; known: {sorted(_FIELDS)}")
    if "url" not in entry:
        raise ValueError("every webhook entry needs a url")
    return EndpointConfig(secret=secret, **entry)
