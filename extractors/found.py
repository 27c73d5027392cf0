"""An event found in a parsed sentence, still holding its tokens (the pipeline adds offsets and ids)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extractors.modality import Frame
from extractors.model import Actor


@dataclass
class Found:
    tok: Token  # trigger
    category: str
    cameo: str
    ceasefire: bool
    source: Actor | None
    target: Actor | None
    location: str | None
    frame: Frame
    attributed_to: Actor | None
