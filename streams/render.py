"""Readable one-screen renderings of alerts and events for `demo` and `tail`."""

from __future__ import annotations

from typing import Any

from rich.markup import escape


def alert_line(cloudevent: dict[str, Any]) -> str:
    a = cloudevent.get("data", {})
    actors = "–".join(a.get("actors", [])) or "GLOBAL"
    window = a.get("window", {})
    state = a.get("state", "?").upper()
    colour = "red" if state == "FIRING" else "green"
    head = (f"[bold {colour}]{state:8}[/] [bold]{a.get('signal', '?'):9}[/] {a.get('scope', '?'):7} "
            f"[cyan]{actors:9}[/] {window.get('start', '?')} → {window.get('end', '?')}  "
            f"observed {a.get('observed', 0):g} vs expected {a.get('expected', 0):.1f}  "
            f"severity {a.get('severity', '?')}  p={a.get('p_value', 1):.2g}")
    evidence = a.get("evidence") or []
    if evidence:
        sentence = evidence[0].get("sentence", "").strip().replace("\n", " ")
        head += f"\n         [dim]“{escape(sentence[:160])}”[/] ({escape(str(evidence[0].get('article_id')))})"
    return head


def event_line(event: dict[str, Any]) -> str:
    def code(actor):
        return actor["code"] if actor else "—"

    neg = " [yellow]NEGATED[/]" if event.get("negated") else ""
    signals = ",".join(event.get("signals", []))
    return (f"{event.get('published_at', '?')}  [bold]{event.get('category', '?'):9}[/] "
            f"{code(event.get('source')):>5} → {code(event.get('target')):<5} [{signals}] "
            f"{escape(str(event.get('modality', '')))}{neg}  [dim]{escape(str(event.get('trigger', {}).get('text', '')))}: "
            f"{escape(str(event.get('sentence', ''))[:120])}[/]")
