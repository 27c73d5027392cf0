"""Scoring the extractor on labelled sentences in the `shared/eval/` format (see its README).

A sentence is predicted hostile (ceasefire) when at least one non-negated event carries that
signal; gold `null` is not scored. Actor recall is the share of gold codes found among the
predicted events' source and target codes.

Gold codes are CAMEO-style; the extractor emits ISO 3166-1 alpha-3 and organisation codes.
`GOLD_ALIASES` maps the handful of CAMEO country codes that differ from ISO (JAP → JPN …), and
`_groups` lets a specific organisation code satisfy CAMEO's generic ones (UNO, NATO … → IGO;
the Red Cross, Amnesty … → NGO or IGO, since CAMEO's dictionaries file such bodies under either).

>>> sorted(_aliases({"UNO", "JPN"}))
['IGO', 'JAP', 'JPN', 'NGO', 'UNO']
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractors.gazetteer import load_gazetteer
from extractors.model import Article

#: ISO code → the CAMEO country code the gold data uses where the two differ.
GOLD_ALIASES = {"JPN": "JAP", "ITA": "ITL", "VNM": "VTN", "DEU": "GER", "ROU": "ROM", "XKX": "KSV", "PSE": "PAL"}
SIGNALS = ("hostility", "ceasefire")


def _groups() -> dict[str, str]:
    """Organisation code → CAMEO's generic type (IGO, NGO, IMG), from the gazetteer's kinds."""
    out = {}
    for entry in load_gazetteer().names.values():
        if entry.kind in ("igo", "ngo", "img"):
            out[entry.code] = entry.kind.upper()
    return out


def _aliases(codes: set[str]) -> set[str]:
    groups = _groups()
    out = set(codes)
    for c in codes:
        if c in GOLD_ALIASES:
            out.add(GOLD_ALIASES[c])
        if c in groups:
            out.add(groups[c])
            if groups[c] in ("IGO", "NGO"):  # CAMEO's dictionaries file the Red Cross, Amnesty … under either
                out.update(("IGO", "NGO"))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def read_records(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def evaluate_files(paths: list[Path], extractor=None, *, errors: bool = False) -> dict:
    """Precision/recall/F1 per signal and actor recall over labelled JSONL files.

    extractor: an `extractors.pipeline.Extractor` (a default one is built when None).
    errors: also list the misclassified sentences (for development).
    """
    if extractor is None:
        from extractors.pipeline import Extractor

        extractor = Extractor()
    records = read_records(paths)
    articles = [Article(id=str(r.get("id", i)), text=r["text"], published_at="2000-01-01T00:00:00Z") for i, r in enumerate(records)]
    predictions = extractor.extract_batch(articles)
    counts = {s: [0, 0, 0] for s in SIGNALS}
    gold_actors = found_actors = 0
    mistakes = []
    for rec, events in zip(records, predictions):
        gold = rec.get("gold", {})
        live = [e for e in events if not e.negated]
        for s in SIGNALS:
            g = gold.get(s)
            if g is None:
                continue
            p = any(s in e.signals for e in live)
            idx = 0 if (p and g) else 1 if p else 2 if g else None
            if idx is not None:
                counts[s][idx] += 1
                if errors and idx:
                    mistakes.append({"id": rec.get("id"), "signal": s, "kind": ("fp", "fn")[idx - 1], "text": rec["text"], "events": [(e.trigger.text, e.category) for e in events]})
        if gold.get("actors"):
            predicted = _aliases({a.code for e in events for a in (e.source, e.target) if a is not None})
            for code in gold["actors"]:
                gold_actors += 1
                found_actors += code in predicted
                if errors and code not in predicted:
                    mistakes.append({"id": rec.get("id"), "signal": "actor", "kind": code, "text": rec["text"], "events": [(e.trigger.text, e.source and e.source.code, e.target and e.target.code) for e in events]})
    report = {
        "files": [str(p) for p in paths],
        "sentences": len(records),
        "signals": {s: _prf(*counts[s]) for s in SIGNALS},
        "actors": {"recall": round(found_actors / gold_actors, 4) if gold_actors else 0.0, "found": found_actors, "gold": gold_actors},
    }
    if errors:
        report["errors"] = mistakes
    return report


def format_report(report: dict) -> str:
    lines = [f"{report['sentences']} sentences from {', '.join(Path(f).name for f in report['files'])}", ""]
    lines.append(f"{'signal':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}{'support':>9}")
    for name, m in report["signals"].items():
        lines.append(f"{name:<12}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}{m['support']:>9}")
    a = report["actors"]
    lines.append(f"{'actors':<12}{'':>10}{a['recall']:>8.3f}{'':>8}   ({a['found']} of {a['gold']} gold actor codes found)")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m extractors.evaluate FILE… [--json] [--errors]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rep = evaluate_files([Path(a) for a in args], errors="--errors" in sys.argv)
    print(json.dumps(rep, indent=1, ensure_ascii=False) if "--json" in sys.argv else format_report(rep))
