"""Reading a person's stated office from the words around the name (`loaders.relations.affiliations`):
the title before it ("Defence Minister X", "navy spokesman Captain X", "US Ambassador to the UN X"), or an
office in apposition ("X, the group's spokesman", "the UN's top official in Y, X")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from loaders.mentions import EntityTable, Mention
from loaders.relations.lexicon import table as word_table
from loaders.relations.lexicon import words

OFFICE_NOUNS = words("office_nouns")
MILITARY_RANKS = words("military_ranks")  # between an office and its holder: "spokesman Captain X"
RANK_ABBREVIATIONS = word_table("rank_abbreviations")  # "gen" -> "general"
RANK_NUMBER_WORDS = words("rank_number_words")  # "X, number three in the Y": a rank in a body
ENVOY_NOUNS = frozenset(
    {"ambassador", "envoy", "representative", "delegate", "emissary", "attache", "attaché"}
)


def title_words(doc: Doc, start: int, floor: int) -> list[Token]:
    """The words right before token `start` (a name) up to punctuation or an article ("his Iranian
    counterpart")."""
    out: list[Token] = []
    i = start - 1
    while i >= floor and len(out) < 6:
        t = doc[i]
        if t.text == "." and i > floor and doc[i - 1].lower_ in RANK_ABBREVIATIONS:
            i -= 1  # the stop of an abbreviated rank ("Lt. Col. X") ends no title
            continue
        if (t.is_punct and t.text != "-") or t.lower_ in {"the", "a", "an"}:
            break
        if t.pos_ in {"VERB", "AUX", "SCONJ", "CCONJ"} and t.nbor(1).lower_ != "by":  # "X led by Y" stays
            break  # "near X as forces linked to General Y": the title is "General", X is another clause's
        out.insert(0, t)
        i -= 1
    return out


def title_floor(doc: Doc, start: int, sent: Span) -> int:
    """Where the words of a title before a name may start: its sentence, or the one before when the parser
    broke the sentence after an abbreviated rank ("Army spokesman Brig. | X said")."""
    if (
        start == sent.start
        and start > 1
        and doc[start - 1].text == "."
        and doc[start - 2].lower_ in RANK_ABBREVIATIONS
    ):
        return doc[start - 2].sent.start
    return sent.start


def envoy_words(doc: Doc, table: EntityTable, m: Mention, floor: int) -> list[Token]:
    """'US Ambassador to the United Nations X', 'Kenya's envoy to Ethiopia X': the title before the
    'to <body>' it is sent to (the body it belongs to is named before the title, not after 'to')."""
    i = m.start - 1
    host = table.mention_at(i) if i >= floor else None
    if host is None or host.key == m.key:
        return []
    i = host.start - 1
    if i >= floor and doc[i].lower_ == "the":
        i -= 1
    if i < floor + 1 or doc[i].lower_ != "to" or doc[i - 1].lower_ not in ENVOY_NOUNS:
        return []
    return title_words(doc, i, floor)


def _word(t: Token) -> str:
    """A title word in full: "Gen." -> "general"."""
    return RANK_ABBREVIATIONS.get(t.lower_.rstrip("."), t.lower_)


def stated_office(words_: list[Token], titles: set[str] | frozenset[str]) -> str | None:
    """The longest title the words before a name end with ("Defence Minister"); a military rank between
    the office and the name ("navy spokesman Captain X", "army spokesman Lt. Col. X") is passed over."""
    full = [_word(w) for w in words_]
    end = len(full)
    while end > 0 and full[end - 1] in MILITARY_RANKS:
        end -= 1
    for stop in dict.fromkeys((end, len(full))):  # the office before the rank first, then the rank
        for k in range(stop):
            cand = " ".join(full[k:stop])
            if cand in titles:
                return cand
            if (one := singular(cand)) is not None and one in titles:
                return one  # "former prime ministers X and Y": each holds the office
    return None


def singular(title: str) -> str | None:
    """'prime ministers' -> 'prime minister', 'secretaries' -> 'secretary'; None for no plural."""
    if title.endswith("ies") and len(title) > 4:
        return title[:-3] + "y"
    if title.endswith("s") and not title.endswith("ss") and len(title) > 3:
        return title[:-1]
    return None


def listed_title_words(doc: Doc, table: EntityTable, m: Mention, floor: int) -> list[Token]:
    """'former prime ministers X and Y', 'Generals X, Y and Z': a name listed after another holder of a
    plural title takes that title's words. A quoted nickname after the earlier name ('X "Nick" and Y') is
    passed over."""
    i = m.start - 1
    for _ in range(6):  # at most a few names back
        if i >= floor and doc[i].lower_ == "and":
            i -= 1
        if i >= floor and doc[i].text == ",":
            i -= 1
        if i >= floor and doc[i].is_quote:  # a nickname of a few words in quotes
            opening = next((j for j in range(i - 2, max(floor, i - 5) - 1, -1) if doc[j].is_quote), None)
            if opening is None:
                return []
            i = opening - 1
        prev = table.mention_at(i) if i >= floor else None
        if prev is None or prev.kind != "person" or prev.end != i + 1 or prev.key == m.key:
            return []
        words_ = title_words(doc, prev.start, floor)
        if words_:
            last = words_[-1].lower_
            return words_ if last.endswith("s") and singular(last) is not None else []
        i = prev.start - 1
    return []


def appos_office(doc: Doc, m: Mention, titles: set[str] | frozenset[str]) -> Token | None:
    """'X, the group's spokesman' (the office hangs on the name), 'the UN's top official in Y, X' (the
    name hangs on the office) or 'the chief justice of the Court, X' (the name hangs on the body)."""
    root = doc[m.end - 1]
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < m.start:
        heads.append(root.head)
        of = root.head.head
        if root.head.dep_ == "pobj" and of.lower_ == "of" and of.head.i < of.i:
            heads.append(of.head)  # "the chief justice of the Court, X": the parser hangs X on the body
    heads += next_apposition(doc, m)
    for c in heads:
        if c.lower_ in titles or c.lower_ in OFFICE_NOUNS or _rank_number(c):
            return c
    return office_before_comma(doc, m, titles)


def _rank_number(tok: Token) -> bool:
    """'number two in the X', 'No. 3 of the X': a numbered rank with its body after "in" / "of"."""
    return (
        tok.lower_ in RANK_NUMBER_WORDS
        and any(c.like_num for c in tok.children)
        and any(c.dep_ == "prep" and c.lower_ in {"in", "of", "at"} for c in tok.children)
    )


def office_before_comma(doc: Doc, m: Mention, titles: set[str] | frozenset[str]) -> Token | None:
    """'signed by the Chinese Army commander of the western region, Major General X': the office phrase,
    then a comma, a rank and the name, which the parser hung elsewhere (on the verb or another noun). The
    office is the noun right before the comma, or the one its "of" / "for" / "in" phrase hangs on."""
    root = doc[m.end - 1]
    if root.dep_ in {"nsubj", "nsubjpass", "conj", "compound"}:
        return None  # "the army commander, X said": X speaks for himself
    sent_start = doc[m.start].sent.start
    i = m.start - 1
    while i > sent_start and (_word(doc[i]) in MILITARY_RANKS or doc[i].text in {"-", "."}):
        i -= 1
    if i <= sent_start or doc[i].text != ",":
        return None
    t = doc[i - 1]
    for _ in range(3):
        if t.lower_ in titles or t.lower_ in OFFICE_NOUNS:
            return t if t.pos_ == "NOUN" else None
        if t.dep_ != "pobj" or t.head.lower_ not in {"of", "for", "in"}:
            return None
        t = t.head.head
    return None


def next_apposition(doc: Doc, m: Mention) -> list[Token]:
    """'a statement from the bureau of X, the Transnistria leader': an apposition right after the name that the
    parser hung on another noun of the phrase (the office, not X)."""
    i = m.end
    if i >= len(doc) or doc[i].text != ",":
        return []
    sent_end = doc[m.start].sent.end
    for j in range(i + 1, min(i + 8, sent_end)):
        if doc[j].is_punct:
            t = doc[j - 1]
            while t.dep_ == "pobj" and t.head.lower_ in {"of", "in"} and t.head.head.i > i:
                t = t.head.head  # "A and X, the president of Y,": the office the "of" phrase hangs on
            return [t] if j > i + 1 and t.dep_ == "appos" and t.head.i < m.start else []
    return []
