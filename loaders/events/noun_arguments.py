"""Who acted and on whom, for a noun trigger: its modifiers and by-phrase act, its prepositions suffer."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.entities.state_phrases import civic_name
from loaders.events.lexicon import DRAWING_VERBS, PERFORMING_VERBS, SPEECH_VERBS
from loaders.events.phrases import PATIENTS, ment, patients
from loaders.events.syntax import governing_verb, objects, subjects
from loaders.mentions import EntityTable, Mention
from loaders.relations.syntax import responsibility_claimer

# Lines two sides face each other across ("on the border between A and B")
FRONT_NOUNS = frozenset({"border", "frontier", "boundary", "front", "line"})


def noun_participants(
    tok: Token, etype: str, table: EntityTable, how: str
) -> tuple[list[Mention], list[Mention]]:
    """(actors, targets) of a noun trigger: its modifiers and by-phrase act, its prepositions suffer."""
    mods = ment((c for c in tok.children if c.dep_ in {"poss", "amod", "compound"}), table)
    by = ment(
        (p for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for p in c.children),
        table,
    )
    # "B's bombardment by A": with a by-agent, the possessor suffered the act
    owners = ment((c for c in tok.children if c.dep_ == "poss"), table, PATIENTS) if by else []
    actors = by + [m for m in mods if m not in by and m not in owners] if by else mods
    if how == "labour":
        # "the Acme wage strike": a company named on its workers' strike is struck against, not striking;
        # a union ("the Miners' Union strike") strikes (round 16)
        actors = [m for m in actors if m.kind != "organization" or civic_name(tok.doc[m.start : m.end])]
    if not actors:  # "X claimed responsibility for the bombing"
        actors = ment(responsibility_claimer(tok), table)
    preps = {"on", "against", "of", "with", "to"}
    pobjs = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]
    targets = [*owners, *(m for m in ment(pobjs, table, PATIENTS) if m not in owners)]
    if how == "clash" or (how == "parties") or (etype == "CONSULT" and tok.dep_ in {"nsubj", "ROOT"}):
        # "clashes between X and Y", "a deal with X", "talks between X and Y began": all take part
        between = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"between", "with"}
            for p in c.children
        ]
        actors += ment(between, table)
    if how == "clash":
        actors += ment(pobjs, table)
        targets = []
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            # "fighting erupted in X between A and B": the parser hangs "between" on the verb
            actors += [
                m
                for c in tok.head.children
                if c.dep_ == "prep" and c.lower_ == "between"
                for m in ment(list(c.children), table)
                if m not in actors
            ]
    if how == "clash" and not actors:
        # "battles raged on the border between A and B", "fighting on 15 April between A and B": the
        # parser hangs "between" on the line fought along or on the date; its sides are the actors
        scope = [*tok.subtree, *(tok.head.subtree if tok.dep_ in {"nsubj", "nsubjpass"} else [])]
        # "the start of fighting between A and B": the parser hangs "between" on the noun "of" depends on
        outer = tok.head.head.i if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if outer is not None:
            scope += [c for c in tok.doc[outer].children if c.dep_ == "prep" and c.lower_ == "between"]
        actors = [
            m
            for b in scope
            if b.dep_ == "prep"
            and b.lower_ == "between"
            and (
                b.head.lemma_.lower() in FRONT_NOUNS
                or b.head.ent_type_ in {"DATE", "TIME"}
                or b.head.i == outer
            )
            for m in ment(list(b.children), table)
        ]
    verb = governing_verb(tok)
    if (
        not actors
        and verb is not None
        and (
            how in {"call", "concluded"}
            or (etype == "ASSAULT" and tok.dep_ == "dobj" and verb.lemma_.lower() in PERFORMING_VERBS)
        )
    ):
        # "in a phone call", "signed the deal", "carried out executions": the verb's subject acts
        actors = ment(subjects(verb)[0], table)
        spoken = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS
        if not actors and spoken and any(t.pos_ == "PRON" for t in subjects(verb)[0]):
            actors = ment(subjects(verb.head)[0], table)  # "X said it had carried out strikes"
        if how == "call":  # "X told Y in a phone call": both took part
            actors += ment(objects(verb) + [c for c in verb.children if c.dep_ == "dative"], table)
    if (
        not actors
        and etype == "ASSAULT"
        and verb is not None
        and tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "during"}
        and verb.lemma_.lower() in {"kill", "wound", "injure", "die", "destroy", "damage"}
    ):
        # "killed 12 soldiers in an ambush": the killers made the ambush, the killed suffered it; "X was
        # killed in the attack": X suffered it
        subj, passive = subjects(verb)
        if passive:
            targets = targets or patients(subj, table)
        else:
            actors = ment(subj, table)
            targets = targets or patients(objects(verb), table)
    if not actors and etype != "ASSAULT" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in DRAWING_VERBS:
        # "X's strike drew condemnation from Y": Y condemns, the act's side is condemned
        # the "from" phrase may hang on the noun's "of" object ("drew a warning of reprisals from Y")
        told = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        reacting = [
            p
            for h in (tok, tok.head, *told)
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
        ]
        if reacting:
            return ment(reacting, table), targets or patients(subjects(tok.head)[0], table)
    if not actors and etype != "ASSAULT" and how != "labour" and tok.dep_ == "dobj":
        # "condemned a US strike" must not make the condemner the striker, hence not for ASSAULT; "vowed
        # to end the wage strike" must not make the one who ends it a striker
        actors = ment(subjects(tok.head)[0], table)
    if etype == "ACCUSE" and not targets and tok.dep_ == "dobj":
        # "laid the blame on Y", "levelled accusations against Y": the verb's preposition names the accused
        targets = ment(
            (
                p
                for c in tok.head.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                for p in c.children
                if p.dep_ == "pobj"
            ),
            table,
            PATIENTS,
        )
    return actors, targets
