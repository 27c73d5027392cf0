"""Sample alerts for the sink tests (importable from test modules, unlike conftest)."""

from __future__ import annotations

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
