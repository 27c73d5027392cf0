"""The backtest plot is drawn from a monitor or from its trace."""

from __future__ import annotations

from alerts.monitor import Monitor
from alerts.plot import plot_backtest
from alerts.synthetic_events import demo_like


def test_plot_from_monitor_and_from_trace(tmp_path):
    m = Monitor(trace_keys=frozenset({"ARM-AZE"}))
    alerts = []
    for aid, ts, url, events in demo_like():
        alerts.extend(m.observe(aid, ts, url, events))
    trace = m.trace("ARM-AZE")
    assert {"bucket_start", "signal", "observed", "expected", "upper", "alert_state"} <= set(trace[0])
    assert any(r["alert_state"] == "firing" for r in trace)
    for source, name in ((m, "a.png"), (trace, "b.png")):
        path = plot_backtest(source, alerts, "ARM-AZE", tmp_path / name)
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
