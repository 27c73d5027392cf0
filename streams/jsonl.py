"""Reading article files: JSONL (one article per line), or plain text (the whole file is one article)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson


def read_lines(path: str | Path) -> Iterator[bytes]:
    """Raw non-blank lines of a JSONL file ('-' = stdin)."""
    stream = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    try:
        for line in stream:
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield line
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def read_article_docs(path: str | Path) -> Iterator[dict | bytes]:
    """Decoded article objects; a line that is not a JSON object is yielded as its raw bytes.

    A file whose first non-blank line is not JSON at all is read as plain text: one article.
    """
    data = sys.stdin.buffer.read() if str(path) == "-" else Path(path).read_bytes()
    first = data.lstrip()[:1]
    if first not in (b"{", b"["):
        text = data.decode("utf-8", "replace")
        name = "stdin" if str(path) == "-" else Path(path).name
        yield {"id": f"{name}-{hashlib.sha1(data).hexdigest()[:12]}", "text": text}
        return
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            doc = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield line
            continue
        yield doc if isinstance(doc, dict) else line
