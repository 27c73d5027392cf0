"""One spaCy model per test session: loading it is the slow part of every extractor test."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.model import Article, Event
from extractors.pipeline import Extractor, ExtractorConfig

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(ExtractorConfig())


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract events from one plain sentence or text, as an article of 20 September 2022."""

    def run(text: str, article_id: str = "t") -> list[Event]:
        return extractor.extract(Article(id=article_id, text=text, published_at="2022-09-20T00:00:00Z"))

    return run
