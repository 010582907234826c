"""Armed groups named by the head noun of their members: "M23 rebels" is the group "M23", "pro-Kyiv
militants" and "pro-Kyiv rebels" are one group, and a bare "the rebels" is the one armed group the article
names with such a head.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model import EntityKind

# Head nouns that name an armed group's members; within one article they are one class ("rebels",
# "militants" and "fighters" of one group), as the GUIDE lists them among the group's aliases.
ARMED_HEADS = frozenset(
    {"rebels", "militants", "fighters", "separatists", "insurgents", "militiamen", "guerrillas", "jihadists"}
)


def members_and_heads(
    keys: list[str],
    target: dict[str, str],
    kinds: dict[str, EntityKind],
    name: Callable[[str], str],
) -> None:
    """'M23 rebels' is the group 'M23' named in the same article; 'pro-Kyiv militants' and 'pro-Kyiv
    rebels' are one group."""
    groups = {k for k in keys if kinds[k] in {"organization", "armed_group"} and target[k] == k}
    by_name = {name(k): k for k in groups}
    by_modifier: dict[str, str] = {}
    for k in sorted(groups, key=lambda k: -len(name(k))):
        words = name(k).split()
        if len(words) < 2 or words[-1] not in ARMED_HEADS or target[k] != k:
            continue
        base = " ".join(words[:-1])
        owner = by_name.get(base)
        if owner is not None and owner != k and target[owner] == owner:
            target[k] = owner  # "M23 rebels" -> "M23"
            kinds[owner] = "armed_group"
            continue
        if base in by_modifier and target[by_modifier[base]] == by_modifier[base]:
            target[k] = by_modifier[base]  # "pro-Kyiv rebels" -> "pro-Kyiv militants"
        else:
            by_modifier[base] = k


def join_bare_heads(target: dict[str, str], kinds: dict[str, EntityKind], headed: set[str]) -> None:
    """A bare 'the rebels' (or 'rebel fighters') is the one armed group the article also named with such
    a head noun ("Kivu Front rebels", "Houthi militants"); with two such groups it stays alone.
    `headed`: keys of mentions written with an armed head noun, in the text or in the name."""
    named = {target[k] for k in target if (k in headed or _headed_name(k)) and not _bare(k)}
    named = {k for k in named if kinds[k] == "armed_group"}
    if not named:  # "The Houthis fired ... jets bombed the rebels": no headed name, one armed group named
        named = {target[k] for k in target if kinds[target[k]] == "armed_group" and not _bare(target[k])}
    if len(named) != 1:
        return
    (group,) = named
    for k in target:
        if target[k] == k and k != group and kinds[k] == "armed_group" and _bare(k):
            target[k] = group
    for k in target:  # keys that pointed at a bare head follow it
        target[k] = target[target[k]]


def _headed_name(key: str) -> bool:
    words = key.split("|", 1)[1].split()
    return len(words) >= 2 and words[-1].lower() in ARMED_HEADS


def _bare(key: str) -> bool:
    """'rebels', 'the militants', 'rebel fighters': an armed head with nothing that names anyone."""
    words = key.split("|", 1)[1].split()
    return words[-1] in ARMED_HEADS and all(w in {"rebel", "armed"} for w in words[:-1])
