"""Scoring on the shared/eval format: the dev-set bars of issue 3 and the report's shape."""

from __future__ import annotations

import json

from extractors.evaluate import evaluate_files, format_report

from .conftest import SHARED


def test_scores_a_small_labelled_file(tmp_path, extractor):
    rows = [
        {"id": "1", "text": "Azerbaijani forces shelled Armenian villages.", "gold": {"hostility": True, "ceasefire": False, "actors": ["AZE", "ARM"]}},
        {"id": "2", "text": "Japan and Italy signed a trade agreement.", "gold": {"hostility": False, "ceasefire": False, "actors": ["JAP", "ITL"]}},
        {"id": "3", "text": "Both sides agreed to a truce in Geneva.", "gold": {"hostility": False, "ceasefire": True, "actors": None}},
        {"id": "4", "text": "The weather was fine.", "gold": {"hostility": True, "ceasefire": False, "actors": ["UNO"]}},
        {"id": "5", "text": "The UN demanded an end to the fighting.", "gold": {"hostility": None, "ceasefire": False, "actors": ["IGO"]}},
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    report = evaluate_files([path], extractor=extractor)
    h = report["signals"]["hostility"]
    assert (h["tp"], h["fp"], h["fn"], h["support"]) == (1, 0, 1, 2)
    assert h["precision"] == 1.0 and h["recall"] == 0.5
    # CAMEO's JAP/ITL and the generic IGO are matched through the alias table.
    assert report["actors"] == {"recall": 0.8333, "found": 5, "gold": 6}
    table = format_report(report)
    assert "hostility" in table and "ceasefire" in table and "actors" in table


def test_dev_set_reaches_the_issue_bars(extractor):
    report = evaluate_files([SHARED / "eval" / "dev.jsonl"], extractor=extractor)
    assert report["sentences"] == 400
    assert report["signals"]["hostility"]["f1"] >= 0.85
    assert report["signals"]["ceasefire"]["f1"] >= 0.90
    assert report["actors"]["recall"] >= 0.80
