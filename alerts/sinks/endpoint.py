"""One webhook destination and its delivery settings; the secret is kept out of every repr."""

from __future__ import annotations

import binascii
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import urlsplit

from standardwebhooks.webhooks import EmptyWebhookSecretError, Webhook

FORMATS = ("cloudevents", "alertmanager", "slack")


@dataclass(frozen=True, slots=True, kw_only=True)
class EndpointConfig:
    """Where to POST alerts and how hard to try.

    >>> e = EndpointConfig(url="http://127.0.0.1:9/hook", secret="whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=")
    >>> "whsec" in repr(e), e.name, e.signed
    (False, '127.0.0.1:9', True)
    """

    url: str
    """The receiver's http(s) URL."""
    secret: str | None = field(default=None, repr=False)
    """Standard Webhooks signing secret, `whsec_<base64>`; None sends unsigned requests."""
    format: str = "cloudevents"
    """Body shape: `cloudevents` (structured JSON), `alertmanager` (v4 webhook) or `slack` ({"text"})."""
    timeout_s: float = 5.0
    """Per-try limit from connect to the end of the response."""
    max_attempts: int = 6
    """Tries in all, the first included."""
    backoff_initial_s: float = 0.5
    """Wait after the first failed try; doubles after each further one."""
    backoff_max_s: float = 30.0
    """Ceiling of the doubling wait (before jitter)."""
    jitter: float = 0.2
    """Each wait is scaled by a random factor in [1 - jitter, 1 + jitter]."""
    max_concurrency: int = 4
    """Requests in flight to this endpoint at once, across all alerts."""
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    """Extra request headers (e.g. an auth token); they cannot override the webhook-* headers."""
    name: str = ""
    """Label for logs and metrics; default `host:port`. Set it when the URL path holds a token."""
    retry_after_max_s: float = 300.0
    """A Retry-After longer than this ends the retries instead of stalling the endpoint."""

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"webhook url must be http(s)://host...: {_safe(self.url)!r}")
        if self.format not in FORMATS:
            raise ValueError(f"webhook format must be one of {FORMATS}, not {self.format!r}")
        if self.max_attempts < 1 or self.max_concurrency < 1:
            raise ValueError("max_attempts and max_concurrency must be at least 1")
        if self.timeout_s <= 0 or self.backoff_initial_s < 0 or self.backoff_max_s < 0:
            raise ValueError("timeout_s must be > 0 and backoff times >= 0")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter must be in [0, 1)")
        if self.secret is not None:
            _check_secret(self.secret)
        object.__setattr__(self, "headers", MappingProxyType(dict(self.headers)))
        if not self.name:
            object.__setattr__(self, "name", f"{parts.hostname}:{parts.port or _default_port(parts.scheme)}")

    @property
    def signed(self) -> bool:
        return self.secret is not None

    @property
    def public_url(self) -> str:
        """The URL without user:password@, for results (the path is kept: set `name` for logs)."""
        parts = urlsplit(self.url)
        if "@" not in parts.netloc:
            return self.url
        return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()

    def __repr__(self) -> str:
        # Hand-written: the URL path and extra headers may carry tokens too, so show neither.
        return (
            f"EndpointConfig(name={self.name!r}, url={_safe(self.url)!r}, format={self.format!r}, "
            f"signed={self.signed}, timeout_s={self.timeout_s}, max_attempts={self.max_attempts}, "
            f"backoff_initial_s={self.backoff_initial_s}, backoff_max_s={self.backoff_max_s}, "
            f"jitter={self.jitter}, max_concurrency={self.max_concurrency}, "
            f"header_names={sorted(self.headers)})"
        )

    __str__ = __repr__

    def settings(self) -> dict[str, Any]:
        """The non-secret settings, e.g. for a startup log line."""
        return {
            "name": self.name,
            "format": self.format,
            "signed": self.signed,
            "timeout_s": self.timeout_s,
            "max_attempts": self.max_attempts,
            "backoff_initial_s": self.backoff_initial_s,
            "backoff_max_s": self.backoff_max_s,
            "jitter": self.jitter,
            "max_concurrency": self.max_concurrency,
        }


def _check_secret(secret: str) -> None:
    """Fail early on a malformed secret, without ever putting the secret in the message."""
    if not secret.startswith("whsec_"):
        raise ValueError("webhook secret must be in whsec_<base64> form")
    try:
        Webhook(secret)
    except (EmptyWebhookSecretError, binascii.Error, ValueError):
        raise ValueError("webhook secret is not whsec_ followed by valid non-empty base64") from None


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def _safe(url: str) -> str:
    """scheme://host:port/… — no credentials, path, query or fragment."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    port = f":{parts.port}" if parts.port else ""
    tail = "/…" if parts.path.strip("/") or parts.query else "/"
    return f"{parts.scheme}://{host}{port}{tail}"
