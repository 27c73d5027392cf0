"""The detect stage's checkpoint: the monitor's state, the input offset it covers and the article
offsets already counted, as ONE compressed table record.

One record makes a checkpoint atomic: a crash between two records of a multi-record checkpoint
would restore new parts with an old offset. Compression keeps it small (the JSON of a month of
news repeats keys and numbers: ~10× smaller), well under a Kafka message limit.

>>> blob = pack({"offset": 7, "state": {"series": {"ARM": [1, 2]}}})
>>> unpack(blob)["state"]["series"]["ARM"]
[1, 2]
"""

from __future__ import annotations

import base64
import zlib
from typing import Any

import orjson


def pack(checkpoint: dict[str, Any]) -> str:
    return base64.b64encode(zlib.compress(orjson.dumps(checkpoint), 3)).decode("ascii")


def unpack(blob: str) -> dict[str, Any]:
    return orjson.loads(zlib.decompress(base64.b64decode(blob)))
