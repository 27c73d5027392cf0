"""Text → political events. Pure Python and spaCy: nothing here imports Faust or Kafka."""

from extractors.article import parse_article
from extractors.model import Actor, Article, Event, InvalidArticle, Trigger

__all__ = ["Actor", "Article", "Event", "InvalidArticle", "Trigger", "parse_article"]
