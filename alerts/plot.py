"""A backtest plot of one scope key: counts per bucket, the expected band, the alerts.

One panel per signal: bars are the events of each bucket, the line is what the baseline
expected for it, the shaded band runs up to the count that would have fired on its own (longer
windows can fire below it), red spans are alerts from firing to resolved, with a triangle where
each one fired.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import matplotlib

matplotlib.use("Agg")  # files only: no display, no GUI toolkit
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from alerts.model import Alert  # noqa: E402
from extractors.model import rfc3339_to_epoch  # noqa: E402


def _when(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def _records(monitor_or_trace: Any, scope_key: str) -> list[dict[str, Any]]:
    if hasattr(monitor_or_trace, "trace"):
        return monitor_or_trace.trace(scope_key)
    return list(monitor_or_trace)


def _alert_scope_key(alert: Alert) -> str:
    return "-".join(alert.actors) or "GLOBAL"


def plot_backtest(monitor_or_trace: Any, alerts: Iterable[Alert], scope_key: str, path: str | Path) -> Path:
    """Write the PNG and return its path. `monitor_or_trace`: a Monitor tracing `scope_key`, or its trace."""
    records = _records(monitor_or_trace, scope_key)
    alerts = [a for a in alerts if _alert_scope_key(a) == scope_key]
    signals = ("hostility", "ceasefire")
    fig, axes = plt.subplots(len(signals), 1, figsize=(11, 6.5), sharex=True, constrained_layout=True)
    starts = sorted({r["bucket_start"] for r in records})
    width = (starts[1] - starts[0]) if len(starts) > 1 else 21600.0
    for ax, signal in zip(axes, signals):
        rows = sorted((r for r in records if r["signal"] == signal), key=lambda r: r["bucket_start"])
        x = [_when(r["bucket_start"]) for r in rows]
        ax.bar(x, [r["observed"] for r in rows], width=width / 86400, align="edge", color="#4c72b0",
               label="events per bucket")
        edges = [_when(r["bucket_start"] + width / 2) for r in rows]
        upper = [math.nan if r["upper"] is None else r["upper"] for r in rows]  # None: still warming up
        ax.fill_between(edges, [r["expected"] for r in rows], upper, step="mid",
                        color="#aaaaaa", alpha=0.35, label="expected .. alert level (one bucket)")
        ax.step(edges, [r["expected"] for r in rows], where="mid", color="black", lw=1, label="expected")
        firing = {}
        for a in sorted((a for a in alerts if a.signal == signal), key=lambda a: (a.window_end, a.state)):
            if a.state == "firing":
                firing[a.window_start] = a
                end = _when(rfc3339_to_epoch(a.window_end))
                ax.plot([end], [0], marker="^", color="red", ms=10, clip_on=False)
                ax.annotate(a.severity, (end, 0), textcoords="offset points", xytext=(4, 6), color="red", fontsize=8)
            else:
                ax.axvspan(_when(rfc3339_to_epoch(a.window_start)), _when(rfc3339_to_epoch(a.window_end)),
                           color="red", alpha=0.12)
        for a in firing.values():  # still firing at the end of the replay
            if not any(r.state == "resolved" and r.window_start == a.window_start and r.signal == signal for r in alerts):
                ax.axvspan(_when(rfc3339_to_epoch(a.window_start)), x[-1] if x else _when(0), color="red", alpha=0.12)
        ax.set_ylabel(f"{signal} events")
        ax.set_title(f"{scope_key} · {signal}", loc="left", fontsize=10)
        ax.legend(loc="upper left", fontsize=8)
    axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    fig.suptitle(f"Backtest of {scope_key}: {width / 3600:g}-hour buckets, alerts in red", fontsize=11)
    out = Path(path)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
