"""Reading a bench worker's /metrics page and waiting on it."""

from __future__ import annotations

import time
import urllib.request


def metric(port: int, name: str) -> float:
    """The sum of every series of `name` on the worker's /metrics page."""
    body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in body.splitlines()
               if line.startswith(name + " ") or line.startswith(name + "{"))


def wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)  # scraping /metrics costs the worker CPU: poll gently
    raise TimeoutError(f"bench: {what} not reached within {timeout:.0f}s")
