"""The article and event contracts of DESIGN.md, as plain frozen dataclasses.

Dataclasses rather than pydantic on the hot path: an event is built thousands of times a
second and serialised with orjson, which handles dataclasses natively.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any

#: The 16 PLOVER event types → (CAMEO code, GDELT QuadClass, Goldstein value, signals).
#: QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
PLOVER: dict[str, tuple[str, int, float, tuple[str, ...]]] = {
    "agree": ("057", 1, 8.0, ("cooperation",)),
    "consult": ("040", 1, 1.0, ("cooperation",)),
    "support": ("051", 1, 3.4, ("cooperation",)),
    "concede": ("080", 2, 5.0, ("cooperation",)),
    "cooperate": ("060", 2, 6.0, ("cooperation",)),
    "aid": ("070", 2, 7.0, ("cooperation",)),
    "retreat": ("087", 2, 9.0, ("cooperation",)),
    "request": ("020", 1, 3.0, ("cooperation",)),
    "accuse": ("112", 3, -2.0, ("hostility",)),
    "reject": ("120", 3, -4.0, ("hostility",)),
    "threaten": ("130", 3, -6.0, ("hostility",)),
    "protest": ("140", 4, -6.5, ("hostility",)),
    "sanction": ("163", 4, -8.0, ("hostility",)),
    "mobilize": ("150", 4, -7.2, ("hostility",)),
    "coerce": ("170", 4, -7.0, ("hostility",)),
    "assault": ("190", 4, -10.0, ("hostility",)),
}
CATEGORIES = tuple(PLOVER)
SIGNALS = ("hostility", "ceasefire", "cooperation")
MODALITIES = ("asserted", "claimed", "threatened", "hoped", "called_for", "planned", "denied", "possible")


@dataclass(frozen=True, slots=True)
class Actor:
    text: str  # the words in the article
    code: str  # ISO 3166-1 alpha-3 or a CAMEO organisation code (UNO, NATO, EU …)
    sector: str | None = None  # GOV, MIL, … when a role phrase says so


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int  # character offsets in the article text
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    published_at: str  # RFC 3339, UTC
    sentence: str
    trigger: Trigger
    category: str
    signals: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    location: str | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: Actor | None = None
    cameo: str = ""
    quad_class: int = 0
    goldstein: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def actor_codes(self) -> tuple[str, ...]:
        """Sorted distinct codes of source and target: the keys this event counts under."""
        return tuple(sorted({a.code for a in (self.source, self.target) if a is not None}))

    @property
    def scope_key(self) -> str:
        """Kafka key for the events topic: `ARM-AZE` for a dyad, `ARM` for one actor, `GLOBAL`."""
        return "-".join(self.actor_codes) or "GLOBAL"


def make_event_id(article_id: str, trigger_start: int, category: str, source: str | None, target: str | None) -> str:
    """Deterministic: the same article always yields the same ids."""
    raw = f"{article_id}\x1f{trigger_start}\x1f{category}\x1f{source or ''}\x1f{target or ''}"
    return hashlib.sha1(raw.encode()).hexdigest()[:20]


def event_from_dict(d: dict[str, Any]) -> Event:
    def actor(x: dict | None) -> Actor | None:
        return Actor(**x) if x else None

    return Event(
        **{
            **d,
            "trigger": Trigger(**d["trigger"]),
            "signals": tuple(d["signals"]),
            "source": actor(d.get("source")),
            "target": actor(d.get("target")),
            "attributed_to": actor(d.get("attributed_to")),
        }
    )


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published_at: str  # RFC 3339, normalised to UTC with a trailing Z
    title: str | None = None
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def timestamp(self) -> float:
        return rfc3339_to_epoch(self.published_at)


class InvalidArticle(ValueError):
    """An input that breaks the article contract; `reason` is a short machine-readable tag."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def rfc3339_to_epoch(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def epoch_to_rfc3339(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
