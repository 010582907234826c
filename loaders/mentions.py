"""Where each entity is mentioned in a parsed article: the table relation and event finders read."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import EntityKind, ExtractedEntity, ExtractedRelation


@dataclass(slots=True)
class Mention:
    """A token span of the Doc that names one entity."""

    start: int
    end: int  # exclusive
    key: str  # canonical name: key into EntityTable.entities
    kind: EntityKind
    how: str  # "gazetteer", "ner", "demonym", "capital", "collective", "surname", "suffix", ...


@dataclass
class EntityTable:
    """One article's entities, their mentions by token, and the affiliations read from titles."""

    entities: dict[str, ExtractedEntity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    affiliations: list[ExtractedRelation] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def index(self) -> None:
        """Rebuild the token index after mentions changed."""
        self.mentions.sort(key=lambda m: m.start)
        self._by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token `i`, if any."""
        return self._by_token.get(i)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside tokens [start, end)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]
