"""PLOVER events: a trigger (verb or noun), who acted, on whom, where and when.

Triggers come from the lexicon in `loaders/data/event_triggers.json` through a spaCy `Matcher` component
(`triggers`); constructions decide the type or that there is no event (`constructions`, reading the
`frames` and `blame` constructions); the parse gives the participants (`verb_arguments`, `noun_arguments`,
through `phrases`), the place (`location`), the casualties (`casualties`) and the date (`dating`);
mentions of one real-world event merge (`merge`); parties beyond the clause (a side's voice, an outlet, a
capture in a fight) are in `parties`, and the story's running day in `story_day`.
Planned, expected and conditional acts are not events yet (`syntax.hypothetical`), but threats, demands and
refusals, which are about the future, are.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from graph.model import ExtractedEvent, ExtractedRelation
from loaders.clauses import conditional
from loaders.doc_words import doc_text, parts_of_speech
from loaders.events.blame import harm_report, self_report
from loaders.events.casualties import count
from loaders.events.constructions import classify
from loaders.events.dating import dateline_day, mention_date, opening_step, stated_date
from loaders.events.lexicon import EXPRESSED_SUPPORT_VERBS
from loaders.events.location import location
from loaders.events.merge import keys, merge_events, own_side_accused
from loaders.events.modality import habitual, still_to_come, terms_of_paper
from loaders.events.noun_arguments import noun_participants
from loaders.events.parties import accused_by_relations, is_outlet, side_speaks, taken_in_fight
from loaders.events.retrospect import anniversary_day, on_this_day, retold_day, years_back
from loaders.events.senses import crowd_act, crowd_protest, in_name, other_sense, scene_of_act
from loaders.events.story_day import days_apart, narrative_date, new_paragraph
from loaders.events.syntax import (
    NOUNS,
    VERBS,
    governing_verb,
    hypothetical,
    medium_speaker,
    negated,
    participle_clause,
    passive,
    purpose,
    reduced_relative,
    requested,
    standing,
)
from loaders.events.triggers import trigger_spans
from loaders.events.verb_arguments import verb_participants
from loaders.mentions import EntityTable

__all__ = ["find_events", "sentence_events"]

# Reactions are each actor's own: "Canada and Norway welcomed the deal" is two events. A call made
# together ("A and B urged both sides to ...", most often a joint statement) is one request, and a refusal
# or denial told with a joint subject ("A, B and C denied Y overflight rights") one rejection.
PER_ACTOR = {"ACCUSE", "SUPPORT", "THREATEN", "SANCTION", "AID", "PROTEST", "MOBILIZE"}
# Types whose act is about the future: a threat, a demand, a refusal ("will not accept any deal") are
# acts when stated. Every other type planned, expected or conditional ("will hold talks", "plans to
# deploy troops", "will sanction X") is not an event yet.
FORWARD = {"THREATEN", "REQUEST", "REJECT"}
# The confidence of a long-standing act ("has long backed X", "has often struck Y"): not news of its own; an
# event whose every mention is one is left out, but its sides help the news mention it merges with.
BACKGROUND = 0.3
# The sentences (headline included) that make a report's lead: a day first stated there dates the
# headline's undated events; one stated later does only with an event of its own sentence.
LEAD_SENTENCES = 5
# Types whose trigger nouns also name bodies ("the North Atlantic Alliance", "Rapid Support Forces",
# "Popular Mobilization Forces"); a title-case headline's "Talks" or "Attack" is left to the other rules.
NAMED_BODY_TYPES = {"COOPERATE", "SUPPORT", "MOBILIZE", "AID"}
# Acts done in words, which a participle on a medium tells ("issued a statement condemning X").
SPEECH_ACTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"}
TRIGGER_POS = frozenset(VERBS | NOUNS)  # the parts of speech an event's trigger has
# Types a present-tense description of a noun states as a lasting relation, not as an act.
STANDING = {"SUPPORT"}


def sentence_events(
    sent: Span,
    table: EntityTable,
    published: str | None,
    lexicon: dict[int, str] | None = None,
    context: str | None = None,
    fight: ExtractedEvent | None = None,
) -> list[tuple[ExtractedEvent, bool]]:
    """Events whose trigger is in `sent`, each with whether its date was stated (not defaulted).

    `context` is the date the sentence's paragraph stated last, which an undated report continues;
    `fight` the attack with named sides that the paragraph's previous sentence told."""
    if lexicon is None:
        lexicon = {s.start: s.label_ for s in trigger_spans(sent.doc)}
    out: list[tuple[ExtractedEvent, bool]] = []
    pos = parts_of_speech(sent.doc)
    # Speed: only a verb or a noun triggers an event, whatever `classify` says; it and `crowd_protest`
    # are pure tests, so the other words (most of a sentence) skip them, with no Token object made.
    for tok in (sent.doc[i] for i in range(sent.start, sent.end) if pos[i] in TRIGGER_POS):
        etype, how = classify(tok, lexicon.get(tok.i))
        if etype is None and crowd_protest(tok):
            etype, how = "PROTEST", "verb"  # "protesters burned flags outside the embassy"
        if etype is None or tok.pos_ not in VERBS | NOUNS:
            continue
        if etype in NAMED_BODY_TYPES and in_name(tok):
            continue  # "the North Atlantic Alliance", "the Democratic Alliance": a word of a body's name
        if other_sense(tok, etype):
            continue  # "launched an inquiry", "struck a deal", "hit by floods": no event of that type
        if etype == "ASSAULT" and crowd_act(tok):
            etype, how = "PROTEST", "crowd"  # "protesters stormed the parliament", "protesters who ..."
        if tok.pos_ in VERBS and negated(tok) and etype != "REJECT":
            continue
        if tok.pos_ in VERBS and conditional(tok):
            continue  # "warned of consequences if it invaded Y": a condition, not a report
        verb = governing_verb(tok) if tok.pos_ in NOUNS else None
        if verb is not None and etype != "REJECT" and negated(verb):
            continue  # "denied carrying out the attack" asserts no attack
        if etype not in FORWARD and (hypothetical(tok) or still_to_come(tok)):
            continue
        if terms_of_paper(tok, etype):
            continue  # "the sanctions ban Y's airlines", "the drills invade Y's space": no act of the news
        if (
            etype in STANDING
            and tok.pos_ in VERBS
            and (standing(tok) or passive(tok) or participle_clause(tok) or purpose(tok))
        ):
            # "militias backed by X", "Y is supported by X": a standing relation (SUPPORTS), not a news
            # event; the GUIDE's SUPPORT is a backer's own act ("X welcomed / backed the strike")
            continue
        if (
            etype == "SUPPORT"
            and tok.pos_ in NOUNS
            and (verb is None or verb.lemma_ not in EXPRESSED_SUPPORT_VERBS)
        ):
            continue  # "with Russian support", "support for X grew": backing as a state, not an act
        if tok.pos_ in VERBS and reduced_relative(tok) and not (etype in SPEECH_ACTS and medium_speaker(tok)):
            continue  # "the city, captured by X in 2014", "missiles launched from ships": a description
        if etype != "REQUEST" and requested(tok):
            continue  # "urged Y to withdraw": the withdrawal is only asked for
        if tok.pos_ in VERBS and not (how == "clash" and tok.dep_ == "pobj"):
            actors, targets = verb_participants(tok, table, how)
        else:
            actors, targets = noun_participants(tok, etype, table, how)
        place = location(tok, table, etype)
        if place is None and tok.pos_ in NOUNS and tok.dep_ in {"nsubj", "nsubjpass"}:
            place = location(tok.head, table, etype)  # "protests erupted in X"
        # "X and Y clashed in Z. The next day, fighting at the compound killed 115": a fight told by a
        # subject noun naming no side is the previous sentence's sides fighting on (a clash noun: both
        # sides fight)
        sides_before = (
            fight
            if how == "clash" and (tok.dep_ in {"nsubj", "nsubjpass"} or tok.tag_ == "VBG")
            else None  # "the airstrikes stopped": an attack noun has one side, not the previous pair
        )
        if actors or targets or (place is not None and fight is not None and place.key != fight.location):
            sides_before = None  # "Separately, fighting in Z killed 12": a fight of its own
        elif place is None and sides_before is None:
            continue
        if how == "reported" and not targets and harm_report(tok):
            continue  # "officials said the blast killed five": a report of harm that accuses nobody
        if how == "reported" and not actors and not side_speaks(tok):
            continue  # "X attacked Y, residents told AFP": an accusation needs an accuser
        if etype == "AGREE" and not actors:
            continue  # an agreement with no party named ("the deal with Russia") is no news event
        if etype == "ASSAULT" and place is None:
            place = next((m for m in targets if m.kind == "place"), None)
        if etype not in {"ASSAULT", "CONSULT", "MOBILIZE", "RETREAT"}:
            targets = [m for m in targets if m.kind != "place"]  # one accuses or backs actors, not places
        when, dated = mention_date(tok, sent, published, context)
        if when is None and etype == "PROTEST" and scene_of_act(tok):
            when = context or published  # "the crowd chanted at the rally in X": the rally is the scene, now
        if how == "reported" and self_report(tok):
            continue  # "X said it had struck Y" reports its own act, it accuses nobody
        if how == "reported" and actors and all(is_outlet(m, sent.doc) for m in actors):
            continue  # "the strikes killed 12, the Observatory said": a monitor's report accuses nobody
        actor_keys = keys(actors)
        ev = ExtractedEvent(
            type=etype,  # type: ignore[arg-type]
            label=f"{etype.lower()}: {' '.join(t.text for t in tok.subtree)[:120]}",
            date=when,
            location=place.key if place else None,
            actors=actor_keys,
            targets=[k for k in keys(targets) if k not in actor_keys],
            evidence=sent.text.strip(),
            # "has long backed X": background, kept only to lend its sides to a news mention it merges with
            confidence=BACKGROUND if habitual(tok) else 0.6,
            killed=count(sent, {"kill", "dead", "die"}) if etype == "ASSAULT" else None,
            wounded=count(sent, {"wound", "injure"}) if etype == "ASSAULT" else None,
        )
        if sides_before is not None:
            ev.actors, ev.targets = list(sides_before.actors), list(sides_before.targets)
            ev.location = ev.location or sides_before.location
        if etype in PER_ACTOR and len(ev.actors) > 1 and not all(m.kind == "person" for m in actors):
            for actor in ev.actors:
                out.append((ev.model_copy(update={"actors": [actor], "targets": list(ev.targets)}), dated))
        else:
            out.append((ev, dated))
    return [(ev, dated) for ev, dated in out if not taken_in_fight(ev, out)]


def find_events(
    sents: Iterable[Span],
    table: EntityTable,
    published: str | None,
    relations: Iterable[ExtractedRelation] = (),
) -> list[ExtractedEvent]:
    """All events of the evidence sentences, merged per real-world event."""
    events: list[tuple[ExtractedEvent, bool]] = []
    lexicon: dict[int, str] | None = None
    context: str | None = None
    story: str | None = None
    lead: list[ExtractedEvent] = []  # undated events told before the story's day is first stated
    last_day: str | None = None  # the last full day stated, however old ("On 9 July 1995, ...")
    fight: ExtractedEvent | None = None  # the previous sentence's attack with named sides
    old_day: str | None = None  # the day an anniversary piece retells ("On this day in 1986")
    years: int | None = None  # the count of years an anniversary piece opens with, until its day is stated
    retold: str | None = None  # the old day an anniversary piece that opens with its count of years retells
    for seen, sent in enumerate(sents):
        if lexicon is None:
            lexicon = {s.start: s.label_ for s in trigger_spans(sent.doc)}
            text = doc_text(sent.doc)  # spaCy joins `doc.text` anew at every access
            published = dateline_day(text, published) or published  # "MOSCOW, DEC 25: ... today"
            years = years_back(text, published)  # "Twenty years after ...": an anniversary piece
            old_day = anniversary_day(text, published)  # "On this day in 1986, ..."
            published = old_day or published
            story = old_day or story  # an anniversary piece's day is its story's, whatever days it names
        stepped = opening_step(sent, last_day)  # "The next day, ...": a retelling's next day
        if new_paragraph(sent) or (
            context != narrative_date(context, published) and "\n" in sent.text.strip()
        ):
            # a new paragraph continues the story's day, not a paragraph's other dates; an old day ends
            # at a break inside a sentence too (a photo caption's line run into the next paragraph)
            context = story
        # the phrase's own mention counts the step from the last day (`step_date`)
        if new_paragraph(sent):
            fight = None  # a paragraph's fight with named sides is continued by its own sentences only
        found = sentence_events(sent, table, published, lexicon, last_day if stepped else context, fight)
        for ev, _ in found:
            ev.date = on_this_day(ev.date, sent.text, old_day) or ev.date
            if retold is not None and ev.date == published:
                ev.date = retold  # "surrendered this afternoon" in a retelling: the old day's afternoon
        events.extend(found)
        fight = next((e for e, _ in reversed(found) if e.type == "ASSAULT" and e.actors), None)
        if story is None:
            lead.extend(ev for ev, dated in found if not dated)
        said = stated_date(sent, published)
        if said is not None and len(said) >= len("2000-01-01"):
            last_day = said
        elif stepped is not None:
            last_day = context = stepped
        # an old day dates the rest of its paragraph ("On 9 July 1995 X ordered ... Troops surrounded")
        stated = narrative_date(said, published) or (said if said and len(said) >= 10 else None)
        context = stated or context
        if stated is not None and retold_day(stated, published, years):
            # the old day an anniversary piece retells is its story's day; what was told before it
            # undated (its opening's "the start of the air strikes") is that day's too
            for ev, _ in events if years else []:
                # the page's own day is no news day of an anniversary piece, even one a weekday names
                # ("Thursday, December 16, 1971" in a piece published on a Thursday); an undated
                # reference told before it ("Ten years after the start of the bombing") is the old event
                if ev.date == published or ev.date is None:
                    ev.date = stated
            story = context = retold = stated
            years = None
        elif stated is not None and old_day is None and days_apart(stated, published) <= 1:
            # "on Wednesday" in a report of Thursday: the day the story is about; the headline and lead
            # told before it was first stated are that day's too, when it is stated in the lead or dates
            # an event of its own (a speaker's "last night" deep in the story is no day of its headline)
            early = seen < LEAD_SENTENCES or any(dated for _, dated in found)
            for ev in lead if story is None and early else []:
                if ev.date == published:
                    ev.date = stated
            story = stated
    relations = list(relations)
    accused_by_relations(events, relations)
    sides: dict[str, set[str]] = {}
    for r in relations:
        if r.type == "AFFILIATED_WITH":
            sides.setdefault(r.source, set()).add(r.target)
    # "the attack on the camp" that no dated mention took in, with no attacker named: a reference the
    # article does not place (no day, no actor), not a news event of its own
    weak = {id(ev) for ev in lead if ev.date == published}
    merged = merge_events(events, sides, weak)
    return [
        e
        for e in merged
        # a page with no date at all dates nothing: a mention with a target is kept undated
        if (e.date is not None or e.actors or (published is None and e.targets))
        and e.confidence > BACKGROUND
        and not own_side_accused(e, sides)
    ]
