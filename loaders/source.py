"""An article as read from disk or the wire: metadata plus plain text, before extraction."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from graph.errors import KGError
from graph.model import Article


class SourceArticle(BaseModel):
    """What a reader yields: the article's metadata and its plain text (line breaks kept)."""

    model_config = ConfigDict(extra="forbid")

    article: Article
    text: str
    path: str | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A file or record that could not be read, and why."""

    path: str
    error: KGError
