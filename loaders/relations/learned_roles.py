"""Ends a learned relation may not have because of the role the sentence gives them: a landmark named
only to place something else ("a base near X", "tanks outside X", "north of X", "in the direction of
X") is no target of a strike or of control; the source a report is attributed to ("according to X")
is no party to the act it reports; the side an attack was made on ("an attack on a Y base") is no
striker; a speaker is no party to an act it reports of someone else ("X's spokesman said Y's troops
fired on Z"); and an act the sentence only plans, expects, asks for or makes a condition ("would strike Y if",
"urged X to hold talks with Y") has not happened. The classifier reads words around and between two names, not these roles, so they are
checked here; the word lists are in loaders/data/relations/lexicon.json."""

from __future__ import annotations

from spacy.tokens import Span, Token

from loaders.clauses import conditional
from loaders.events.syntax import hypothetical, requested
from loaders.mentions import Mention
from loaders.relations.learned_features import dependency_path
from loaders.relations.lexicon import table, words

LANDMARK_PREPS = words("landmark_preps")
LANDMARK_HEADS = words("landmark_heads")
ATTRIBUTION = words("attribution_preps")
TARGET_PREPS = words("target_preps")
SPEECH_VERBS = words("speech_verbs")
# A speaker's frame: the verbs of speech and those a medium reports with ("the X-run agency reported ...").
REPORTING = SPEECH_VERBS | words("report_verbs")
# A pronoun in the report that may stand for its speaker: "Y struck its posts", "Y fired on them".
SPEAKER_PRONOUNS = words("speaker_pronouns")
_VERBS: dict[str, list[str]] = table("verbs")  # type: ignore[assignment]  # type -> lemmas
STRIKE_VERBS = frozenset(w.lower() for w in _VERBS["STRUCK"])
# What a name may sit inside and still be the phrase's referent: "the city of X", "X's ministry",
# "a Syrian government airbase" (modifiers and heads of the noun phrase, not clauses).
_INSIDE = {"compound", "amod", "poss", "nmod", "appos", "pobj", "prep", "case", "det"}
# The relation types a report's source may still hold: it accuses or condemns, or it is someone's body.
_SPEAKER_TYPES = frozenset({"ACCUSED", "CONDEMNED", "AFFILIATED_WITH"})
# Acts that are done or not (a threat, support or enmity holds whatever the tense of its clause).
_ACT_TYPES = frozenset({"STRUCK", "CONTROLS", "MET_WITH", "SPOKE_WITH"})


def _root(sent: Span, m: Mention) -> Token:
    return sent.doc[m.start : m.end].root


def _prep_above(tok: Token) -> Token | None:
    """The preposition whose object phrase holds `tok` ("near the city of X" -> near), if any."""
    t = tok
    for _ in range(5):
        if t.dep_ == "conj":
            t = t.head  # "the cities of X, Y and Z": each of the list
            continue
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            prep = t.head
            if prep.lower_ == "of" and prep.head.lower_ in LANDMARK_HEADS:
                return prep  # "north of X", "in the direction of X"
            if prep.lower_ == "of" and prep.head.pos_ in {"NOUN", "PROPN"} and prep.head.dep_ == "pobj":
                t = prep.head  # "the city of X": the phrase is the city's
                continue
            return prep
        if t.dep_ in {"compound", "amod", "poss", "appos"} and t.head.pos_ in {"NOUN", "PROPN"}:
            t = t.head
            continue
        return None
    return None


def landmark(tok: Token) -> bool:
    """Named to place something else: "near X", "outside the town of X", "north of X", "in the direction of X"."""
    prep = _prep_above(tok)
    if prep is None:
        return False
    if prep.lower_ in LANDMARK_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in LANDMARK_HEADS


def attributed_source(tok: Token) -> bool:
    """The source a report is attributed to: "according to X", "according to a statement from X"."""
    t = tok
    for _ in range(5):
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ in ATTRIBUTION:
            return True
        if t.dep_ not in _INSIDE:
            return False
        t = t.head
    return False


def attacked_side(tok: Token) -> bool:
    """Inside the phrase an attack was made on: "an attack on a Y airbase", "strikes against Y positions",
    "struck Y targets" (the object of a verb of striking)."""
    prep = _prep_above(tok)
    if prep is not None and prep.lower_ in TARGET_PREPS and prep.head.pos_ == "NOUN":
        return True
    t = tok
    while t.dep_ in {"compound", "amod", "poss"} and t.head is not t:
        t = t.head
    return t is not tok and t.dep_ == "dobj" and t.head.lemma_.lower() in STRIKE_VERBS


def unrealised(sent: Span, source: Mention, target: Mention) -> bool:
    """A verb joining the two that is planned, modal, conditional or requested (the events' reading)."""
    path = [t for t, _ in dependency_path(_root(sent, source), _root(sent, target))]
    return any(
        t.pos_ in {"VERB", "AUX"}
        and (hypothetical(t) or requested(t) or any(c.dep_ == "advcl" and conditional(c) for c in t.children))
        for t in path
    )


def _reported_clause(verb: Token, other: Token) -> Token | None:
    """The clause `verb` reports that holds `other`: its complement ("X said Y struck Z"), or the clause
    it is tucked into ("Y struck Z, X said")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and other in c.subtree):
        return clause
    if verb.dep_ in {"parataxis", "ccomp"} and other not in verb.subtree and other in verb.head.subtree:
        return verb.head
    return None


def _speaks(verb: Token, speaker: Token) -> bool:
    """`speaker` is in the subject phrase of `verb`, or of the noun the parser hung `verb` on as a
    relative clause ("the X news agency Y said ..." parsed as "agency [Y said]")."""
    if any(c.dep_ == "nsubj" and speaker in c.subtree for c in verb.children):
        return True
    return verb.dep_ == "relcl" and speaker in verb.head.subtree and speaker not in verb.subtree


def _speaker_frame(sent: Span, speaker: Token, other: Token) -> Token | None:
    """The clause a speech verb reports when `speaker` sits in its subject phrase ("X said", "said X",
    "the X-run agency said", "X's spokesman said") and `other` in the clause it reports."""
    for verb in (t for t, _ in dependency_path(speaker, other)):
        if verb.lemma_.lower() not in REPORTING:
            continue
        if not _speaks(verb, speaker):
            continue
        clause = _reported_clause(verb, other)
        if clause is not None:
            return clause
    return None


def reported_of_another(sent: Span, source: Mention, target: Mention) -> bool:
    """The source speaks ("X's spokesman said", "X said") and the target is in what it reports of a
    subject of its own ("... Y's troops fired on Z"); "X said it struck Z" keeps X, whose pronoun acts."""
    clause = _speaker_frame(sent, _root(sent, source), _root(sent, target))
    if clause is None:
        return False
    subj = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subj) and all(s.pos_ != "PRON" and not any(x.lower_ in _OWN for x in s.subtree) for s in subj)


def speaker_as_party(sent: Span, source: Mention, target: Mention) -> bool:
    """The target only speaks, or only owns or backs the speaker ("the X-run agency said Y's jets struck
    a market"): it is no party to the act it reports, unless the report names it back ("struck its posts")."""
    clause = _speaker_frame(sent, _root(sent, target), _root(sent, source))
    return clause is not None and not any(t.lower_ in SPEAKER_PRONOUNS for t in clause.subtree)


_OWN = frozenset({"its", "their", "his", "her", "our"})  # "X said its jets struck Z": X's own act


def title_of_another(tgt: Token, source: Mention) -> bool:
    """The target names another person's office: "talks with Russian Foreign Minister A, opposition leader
    B and C" (Russia is A's, not B's or C's): the modifier chain above it ends in a person's name."""
    t = tgt
    for _ in range(5):
        if t.dep_ not in {"compound", "amod"} or t.head is t:
            break
        t = t.head
    return t is not tgt and t.ent_type_ == "PERSON" and not source.start <= t.i < source.end


def role_conflict(rel: str, sent: Span, source: Mention, target: Mention) -> bool:
    """Whether the sentence gives an end a role the relation type cannot have."""
    src, tgt = _root(sent, source), _root(sent, target)
    if rel == "AFFILIATED_WITH" and title_of_another(tgt, source):
        return True
    if rel in {"STRUCK", "CONTROLS"} and landmark(tgt):
        return True
    if rel == "STRUCK" and attacked_side(src):
        return True
    if rel in _ACT_TYPES and (unrealised(sent, source, target) or reported_of_another(sent, source, target)):
        return True
    if rel in _ACT_TYPES and speaker_as_party(sent, source, target):
        return True
    return rel not in _SPEAKER_TYPES and (attributed_source(src) or attributed_source(tgt))
