"""The user's alias file (`$KG_HOME/aliases.toml`): corrections that every ingest applies.

```toml
[[actor]]                      # these names are one actor, called `name`
name = "Vladimir Putin"
kind = "person"                # optional: also corrects the kind ("Lavrov" read as an organisation)
aliases = ["Putin", "Wladimir Putin"]

[[distinct]]                   # never join these automatically, never list them as duplicates
names = ["Kim Jong Un", "Kim Jong Il"]
```

Names compare through `graph.model.normalize_name` (case, accents, punctuation, a leading "the").
`kg merge` appends to this file, so a merge survives re-ingesting the articles into an empty graph.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InvalidInput
from graph.model import ENTITY_KINDS, normalize_name

log = logging.getLogger(__name__)


@dataclass
class AliasEntry:
    """One actor the user named: its canonical name, optional kind and the other names that mean it."""

    name: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class AliasFile:
    """The parsed file, with lookups by normalised name."""

    path: Path | None = None
    actors: list[AliasEntry] = field(default_factory=list)
    distinct: list[list[str]] = field(default_factory=list)

    def lookup(self, name: str) -> AliasEntry | None:
        """The entry whose name or an alias normalises like `name`."""
        key = normalize_name(name)
        for entry in self.actors:
            if key in {normalize_name(n) for n in (entry.name, *entry.aliases)}:
                return entry
        return None

    def kept_apart(self, a: str, b: str) -> bool:
        """True when the user listed `a` and `b` in one `[[distinct]]` group."""
        ka, kb = normalize_name(a), normalize_name(b)
        return any({ka, kb} <= {normalize_name(n) for n in group} for group in self.distinct if ka != kb)

    def add(self, name: str, kind: str | None, aliases: list[str]) -> AliasEntry:
        """Record that `aliases` are other names of `name` (merged into an existing entry if any)."""
        entry = self.lookup(name)
        if entry is None:
            entry = AliasEntry(name=name, kind=kind, aliases=[])
            self.actors.append(entry)
        keys = {normalize_name(n) for n in (entry.name, *entry.aliases)}
        for alias in aliases:
            if normalize_name(alias) not in keys:
                entry.aliases.append(alias)
                keys.add(normalize_name(alias))
        # An alias entry of its own is folded into this one: one actor, one entry.
        for other in [e for e in self.actors if e is not entry and normalize_name(e.name) in keys]:
            self.actors.remove(other)
            entry.aliases += [a for a in other.aliases if normalize_name(a) not in keys]
        return entry

    def to_toml(self) -> str:
        """The file's text (JSON string literals are valid TOML basic strings)."""
        lines = ["# Actorgraph aliases, applied at every ingest (docs/resolution.md).", ""]
        for e in self.actors:
            lines.append("[[actor]]")
            lines.append(f"name = {json.dumps(e.name, ensure_ascii=False)}")
            if e.kind:
                lines.append(f"kind = {json.dumps(e.kind)}")
            lines.append(f"aliases = {json.dumps(e.aliases, ensure_ascii=False)}")
            lines.append("")
        for group in self.distinct:
            lines.append("[[distinct]]")
            lines.append(f"names = {json.dumps(group, ensure_ascii=False)}")
            lines.append("")
        return "\n".join(lines)

    def save(self) -> None:
        """Write atomically (temporary file, then rename)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".aliases-", suffix=".tmp", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(self.to_toml())
        os.replace(tmp, self.path)


def load_aliases(path: Path | None) -> AliasFile:
    """Read the alias file; a missing file is an empty one, a malformed one an `InvalidInput`."""
    if path is None or not path.exists():
        return AliasFile(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput(
            f"the alias file {path} cannot be read: {exc}",
            hint="fix it (format in docs/resolution.md) or move it away",
            path=str(path),
        ) from exc
    out = AliasFile(path=path)
    for i, raw in enumerate(data.get("actor", [])):
        name, kind, aliases = raw.get("name"), raw.get("kind"), raw.get("aliases", [])
        if not isinstance(name, str) or not normalize_name(name):
            raise InvalidInput(f"{path}: [[actor]] number {i + 1} has no name", path=str(path))
        if kind is not None and kind not in ENTITY_KINDS:
            raise InvalidInput(
                f"{path}: [[actor]] {name!r} has kind {kind!r}",
                hint=f"one of {', '.join(ENTITY_KINDS)}",
                path=str(path),
            )
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InvalidInput(f"{path}: aliases of {name!r} must be a list of strings", path=str(path))
        out.actors.append(AliasEntry(name=name, kind=kind, aliases=list(aliases)))
    for raw in data.get("distinct", []):
        names = raw.get("names", [])
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
            raise InvalidInput(f"{path}: a [[distinct]] group needs two names or more", path=str(path))
        out.distinct.append(list(names))
    log.debug("alias file %s: %d actors, %d distinct groups", path, len(out.actors), len(out.distinct))
    return out
