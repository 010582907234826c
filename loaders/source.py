"""An article as read from disk or the wire: metadata plus plain text, before extraction."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from graph.model import Article


class SourceArticle(BaseModel):
    """What a reader yields: the article's metadata and its plain text (line breaks kept)."""

    model_config = ConfigDict(extra="forbid")

    article: Article
    text: str
    path: str | None = None
