"""The date of one event mention: its own date phrase, its clause's, or none.

A date phrase attached to the trigger wins; then the trigger's own clause (relative and appositive clauses
about other things are left out: "after the attack, which killed 80 on Tuesday"). A definite reference
with no date of its own ("the attack", "that strike") points to an event told elsewhere: it gets no date
and takes the one of the mention it merges with, never the publication day.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from loaders.dates import MONTHS, NUMBER_WORDS, WEEKDAYS, parse_iso, resolve_date, shift
from loaders.doc_words import joined, tokens_in
from loaders.events.constructions import PROMISE_VERBS
from loaders.events.lexicon import CONCLUDING_VERBS, SPEECH_VERBS, TRIGGERS

OTHER_CLAUSES = {"relcl", "acl", "appos", "parataxis"}
DEFINITE = {"the", "that", "this", "these", "those"}
# a line that is only a day: "19 September 2006", "September 19, 2006", "Tuesday, 19 September 2006"
PRINTED_DAY = re.compile(
    r"(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\.?"
)
PRINTED_LINES = 3  # how many of a page's first lines may print its day
LAPSE_UNITS = {"hour": 1, "day": 24, "week": 24 * 7}  # in hours
# A lapse counted from a day the story has already given ("A day earlier, ...", "two days later",
# "the previous day"), not from the report's day; closing its phrase ("the day before." but not "the day
# before the vote", which is an "after/before X" construction).
STEP = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2}) days? (?P<dir>earlier|before|later|after)"
    r"|the (?P<adj>previous|next|following) day|the day (?P<dir2>before|after))(?=\s*(?:[,.;:)]|$))",
    re.I,
)
# A wire dateline opening the story: "CITY, MON DD:" / "CITY, DD Mon -" (the place in capitals): the day
# the story was filed, which its "today" and weekdays mean when the page is dated a day or two later.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30},\s+(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?)"
    r"\s*(?:[:(]|--|\u2014|\u2013|-\s)",
    re.M,
)


def dateline_day(text: str, published: str | None) -> str | None:
    """The day a dateline near the story's start gives, if it is the report's day or up to a week before."""
    ref = parse_iso(published)
    m = DATELINE.search(text[:1500])
    if m is None or ref is None:
        return None
    month = MONTHS.get((m.group("m1") or m.group("m2")).lower())
    if month is None:
        return None
    try:
        day = ref.replace(month=month, day=int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None
    if day > ref:
        day = day.replace(year=day.year - 1) if (day - ref).days > 7 else day
    return day.isoformat() if 0 <= (ref - day).days <= 7 else None


def printed_day(text: str) -> str | None:
    """The full day a page prints on a line of its own among its first lines ("19 September 2006" over
    the headline): the report's day of a page that carries no date otherwise."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:PRINTED_LINES]:
        if PRINTED_DAY.fullmatch(line):
            day = resolve_date(line, None)
            return day if day is not None and len(day) == len("2000-01-01") else None
    return None


def own_text(trigger: Token, limit: int = 12) -> str:
    """The trigger's phrase (its subtree, up to `limit` tokens after it); the parse is projective, so the
    subtree is the span between its edges. A verb's phrase is its clause, read as `clause_text` reads it
    (less other nouns' days); a noun's phrase keeps every day in it."""
    span = trigger.doc[trigger.left_edge.i : min(trigger.right_edge.i + 1, trigger.i + limit)]
    skip = others_days(trigger, span) if trigger.pos_ in {"VERB", "AUX"} else set()
    return "".join(t.text_with_ws for t in span if t.i not in skip)


def others_days(trigger: Token, tokens: Span) -> set[int]:
    """Token indices of a day that is another noun's possessive ("accused X of Tuesday's attack": Tuesday
    is the attack's day, not the accusation's)."""
    skip: set[int] = set()
    for tok in tokens_in(tokens.doc, WEEKDAYS, tokens.start, tokens.end):  # the day names only
        if tok.dep_ == "poss" and tok.lower_ in WEEKDAYS and tok.head is not trigger:
            skip |= {t.i for t in tok.subtree}
    return skip


def clause_text(trigger: Token, sent: Span) -> str:
    """The sentence without clauses that are about something else and do not contain the trigger, and
    without a day that names another noun ("accused X of Tuesday's attack": Tuesday is the attack's)."""
    skip = others_days(trigger, sent)
    for tok in sent:
        if tok.dep_ in OTHER_CLAUSES or (tok.dep_ == "prep" and tok.lower_ == "since"):
            sub = {t.i for t in tok.subtree}
            if trigger.i not in sub and tok.head is not trigger:
                skip |= sub
    return joined(sent, skip)


def is_reference(tok: Token) -> bool:
    """'the attack', 'that strike', 'Tuesday's bombing': a noun phrase that points to a known event."""
    return tok.pos_ in {"NOUN", "PROPN"} and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in tok.children
    )


def judged(verb: Token) -> bool:
    """What a known act is said to be or to have done: a copula ("the attack was a crime") or a clause
    reported by a speech verb ("X said the strike had crossed red lines")."""
    if verb.lemma_ == "be":
        return True
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS


def is_main(tok: Token) -> bool:
    """The trigger is the clause's own event: a verb, or a noun as subject or as the object of a verb
    that is not itself an event ("condemned the strike": the sentence's date is the condemnation's)."""
    if tok.pos_ in {"VERB", "AUX"}:
        return True
    if tok.dep_ in {"nsubj", "nsubjpass"} and is_reference(tok) and judged(tok.head):
        return False  # "the attack was an act of aggression", "said the strike had crossed red lines"
    if tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "during", "at"}
        and tok.head.head.pos_ in {"VERB", "AUX"}
    ):
        return True  # "agreed in a phone call on Tuesday", "said during talks": the clause's circumstances
    if tok.dep_ == "dobj":
        if tok.head.lemma_.lower() in PROMISE_VERBS:
            return True  # "vowed continued cooperation on Monday": the promise is the act told
        if tok.head.lemma_.lower() in CONCLUDING_VERBS:
            return True  # "struck a deal on Monday": the verb makes the noun's agreement, on its day
        return TRIGGERS.get(tok.head.lemma_.lower()) is None and TRIGGERS.get(tok.head.lower_) is None
    return False


def stated_date(sent: Span, published: str | None) -> str | None:
    """The date a sentence states, if any (what later sentences of its paragraph continue from)."""
    return resolve_date(sent.text, published)


def earlier_part(tok: Token) -> Token | None:
    """The head of the "after" clause or phrase the trigger is in ("X struck on Friday after 80 were
    killed in an attack", "24 hours after Y launched an offensive", "after talks in Z, X announced"): what
    it tells happened before the clause it is attached to, so that clause's date is not its own."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in anc.children):
            return anc
        if anc.dep_ == "prep" and anc.lower_ == "after" and anc is not tok:
            return anc
        if anc.dep_ in OTHER_CLAUSES or anc.dep_ == "ccomp":
            return None  # a clause about something else: its own "after" is not this trigger's
    return None


def lapse(part: Token) -> int | None:
    """Days from the earlier event to the clause it is attached to: "24 hours after", "two days after"."""
    for child in part.children:
        if child.dep_ != "npadvmod" or child.lemma_ not in LAPSE_UNITS:
            continue
        for num in child.children:
            if num.dep_ == "nummod":
                n = NUMBER_WORDS.get(num.lower_) or (int(num.text) if num.text.isdigit() else None)
                if n is not None:
                    return n * LAPSE_UNITS[child.lemma_] // 24
        if any(c.lower_ in {"a", "one"} for c in child.children):
            return LAPSE_UNITS[child.lemma_] // 24
    return None


def earlier_date(part: Token, sent: Span, published: str | None) -> tuple[str | None, bool]:
    """The date of an event told in an "after" clause or phrase: its own date phrase; the attached
    clause's day less a stated lapse ("24 hours after"); for a phrase ("after talks in Z, X announced on
    <day>") the month of that day, since it happened before it. (None, False): dated as usual (the month
    for "after" clauses too lowered dev's held half, docs/extraction-rounds.md "Round 8")."""
    inner = {t.i for t in part.subtree} - {
        t.i for c in part.children if c.dep_ == "npadvmod" for t in c.subtree
    }
    own = resolve_date(joined(sent, keep=inner), published)
    if own is not None:
        return own, True
    outer = resolve_date(joined(sent, {x.i for x in part.subtree}), published)  # the set once, not a word
    if outer is None or len(outer) < len("2000-01-01"):
        return outer, outer is not None
    days = lapse(part)
    if days is not None:
        return shift(outer, -days), True
    return (outer[:7], True) if part.dep_ == "prep" else (None, False)


def mention_date(
    tok: Token, sent: Span, published: str | None, context: str | None = None
) -> tuple[str | None, bool]:
    """(date, stated): the date of the event mention and whether the text states it. `context` is the
    date the paragraph last stated: "On Wednesday X happened. Within minutes, Y said ..." continues it."""
    part = earlier_part(tok)
    if part is not None:
        when, stated = earlier_date(part, sent, published)
        if when is not None:
            return when, stated
    if not is_main(tok):
        own = resolve_date(own_text(tok, 10_000), published)
        if own is not None:
            return own, True
        return (None, False) if is_reference(tok) else (context or published, False)
    clause = clause_text(tok, sent)
    said = speech_date(tok, clause, sent, published)
    if said is not None:
        return said, True
    # "The next day, X began shelling Y": the step phrase hangs on the verb the trigger complements
    stepped = step_date(own_text(governing_clause(tok)), clause, published, context)
    if stepped is None and tok.dep_ == "advcl" and tok.head.dep_ == "ROOT" and tok.head.pos_ == "NOUN":
        # "The following day, fighting at X killed 40": parsed as a clause of "day", the opening step
        # phrase is the sentence's head; it counts from the story's last day, not the clause's other days
        stepped = step_date(own_text(tok.head), "", published, context)
    if stepped is not None:
        return stepped, True
    if reported_act(tok):
        # "Y fired at Z, X said in a statement on Thursday": the day is the statement's, not the act's
        clause = own_text(tok, 10_000)
    found = resolve_date(own_text(tok), published) or resolve_date(clause, published)
    if found:
        return found, True
    if re.search(r"\b(a|one) day (earlier|before)\b", clause, re.I):
        return shift(published, -1), True
    if re.search(r"\bday (after|later)\b", clause, re.I):
        return published, True
    if is_reference(tok):
        return None, False
    return context or published, False


def reported_act(tok: Token) -> bool:
    """An attack verb reported by a speaker ("Y shelled Z, X said"): the days outside its own clause are
    the speaking's."""
    return (
        tok.pos_ in {"VERB", "AUX"}
        and tok.dep_ == "ccomp"
        and tok.head.lemma_.lower() in SPEECH_VERBS
        # an attack is done before it is told; a rejection or an accusation is made by the telling itself
        and TRIGGERS.get(tok.lemma_.lower()) == "ASSAULT"
    )


def governing_clause(tok: Token) -> Token:
    """The verb whose phrase a verb complement shares ("The next day, troops began shelling X", "went on
    to attack"): the complement's own phrase leaves out the step phrase hung on its governor."""
    while tok.dep_ == "xcomp" and tok.head.pos_ in {"VERB", "AUX"} and tok.head is not tok:
        tok = tok.head
    return tok


def speech_date(tok: Token, clause: str, sent: Span, published: str | None) -> str | None:
    """The day a speaker says something ("Y shelled Z on Sunday, X said on Tuesday"): the speech verb's
    own date phrase, outside the clause it reports, whose date is the reported act's. None when the
    speech states no day of its own (the reported clause's date is then read as before)."""
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return None
    reported = {t.i for c in tok.children if c.dep_ == "ccomp" for t in c.subtree}
    if not reported:
        return None
    own = joined(sent, reported)
    return resolve_date(own, published) if own.strip() != clause.strip() else None


def step_days(m: re.Match[str]) -> int:
    """The signed number of days a `STEP` match counts: "two days earlier" -2, "the next day" +1."""
    if m.group("n"):
        word = m.group("n").lower()
        n = 1 if word in {"a", "an"} else NUMBER_WORDS.get(word) or int(word)
        return -n if m.group("dir").lower() in {"earlier", "before"} else n
    before = (m.group("adj") or "").lower() == "previous" or m.group("dir2") == "before"
    return -1 if before else 1


def step_date(own: str, clause: str, published: str | None, context: str | None) -> str | None:
    """The day of "A day earlier, X ...", "two days later", "the previous day": counted from the day the
    clause states otherwise, else the day the story last stated (`context`), else the report's day."""
    m = STEP.search(own)
    if m is None:
        return None
    base = resolve_date(clause.replace(m.group(0), " "), published) or context or published
    if base is None or len(base) < len("2000-01-01"):
        return None
    return shift(base, step_days(m))


def opening_step(sent: Span, base: str | None) -> str | None:
    """The day a sentence opens with as a step from the story's last stated day ("The next day, ...",
    "And two days later, ..."): a retelling counts its days from the one it last gave, however long
    before the report, and across paragraphs. None when the sentence does not open so or no day is known."""
    if base is None or len(base) < len("2000-01-01"):
        return None
    m = STEP.search(sent[: min(len(sent), 6)].text)
    if m is None:
        return None
    return shift(base, step_days(m))
