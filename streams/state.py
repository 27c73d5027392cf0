"""Detector state in a Faust table: the monitor's dict split into parts, plus the input offset it covers.

Storing the state as many small table entries keeps each changelog record small, and only
parts that changed are rewritten. The stored offset makes recovery exact: after a restart the
detect agent skips redelivered records the restored state already contains.

>>> parts = split_state({"meta": {"wm": 5}, "keys": {"ARM": {"n": 1}, "AZE": {"n": 2}}, "v": 1})
>>> sorted(parts)
['__layout__', 'keys/ARM', 'keys/AZE', 'meta/wm', 'v']
>>> join_state(parts) == {"meta": {"wm": 5}, "keys": {"ARM": {"n": 1}, "AZE": {"n": 2}}, "v": 1}
True
"""

from __future__ import annotations

from typing import Any

LAYOUT = "__layout__"
SEP = "/"


def split_state(state: dict[str, Any]) -> dict[str, Any]:
    """One part per entry of each top-level dict, one per other top-level value."""
    parts: dict[str, Any] = {LAYOUT: sorted(k for k, v in state.items() if isinstance(v, dict))}
    for key, value in state.items():
        if isinstance(value, dict):
            for sub, item in value.items():
                parts[f"{key}{SEP}{sub}"] = item
        else:
            parts[key] = value
    return parts


def join_state(parts: dict[str, Any]) -> dict[str, Any]:
    state: dict[str, Any] = {name: {} for name in parts.get(LAYOUT, [])}
    for key, value in parts.items():
        if key == LAYOUT:
            continue
        head, sep, tail = key.partition(SEP)
        if sep and head in state and isinstance(state[head], dict):
            state[head][tail] = value
        else:
            state[key] = value
    return state


def diff_parts(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(parts to write, part keys to delete) turning `old` into `new`."""
    changed = {k: v for k, v in new.items() if k not in old or old[k] != v}
    return changed, [k for k in old if k not in new]
