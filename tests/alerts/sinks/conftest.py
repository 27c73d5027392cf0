"""Shared pieces for the sink tests: sample alerts and a fresh signing secret."""

from __future__ import annotations

import base64
import os

import pytest

from alerts.model import Alert
from sink_samples import make_alert


@pytest.fixture
def alert() -> Alert:
    return make_alert()


@pytest.fixture
def cloudevent(alert: Alert) -> dict:
    return alert.to_cloudevent()


@pytest.fixture
def secret() -> str:
    return "whsec_" + base64.b64encode(os.urandom(32)).decode()
