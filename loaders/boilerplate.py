"""Tell article body from page furniture in text copied off news sites.

Each line is `body`, `title`, `caption` (a photo caption: entities yes, evidence no) or `boilerplate`
(menus, bylines, newsletter and copyright lines, share buttons). The rules are about the shape of such
lines, not about any one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from loaders.unwrap import logical_lines

LineKind = Literal["body", "title", "caption", "boilerplate"]

_BOILER = re.compile(
    r"""^(skip\ to|jump\ to|home\b|menu\b|search\b|sign\ (in|up)|log\ ?in|subscribe|newsletter|follow\ us|share\ (this|on)|
    read\ (more|next|also)|also\ read\b|related\b|see\ also|more\ (on|from)|advertisement|sponsored|cookie|accept\ (all|cookies)|
    ©|\(c\)\ |copyright|all\ rights\ reserved|updated\b|published\b|posted\b|last\ modified|
    (photo|image|picture|video)\s*(credit)?\s*:|getty\ images|click\ here|watch\b.*\bvideo|listen\ to|
    (tags?|topics?|filed\ under)\s*:|print\b|email\b|comments?\b|most\ (read|popular))""",
    re.I | re.X,
)
_BOILER_ANYWHERE = re.compile(
    r"(sign up for|subscribe to|our newsletter|newsletters?\b.*\b(inbox|email|briefing)|all rights reserved|"
    r"stay informed|cookies? (policy|settings)|terms of (use|service)|privacy policy|follow us on|"
    r"download (the|our) app|share this (article|story)|\bmorning briefing\b)",
    re.I,
)
# The staff credits news agencies end a story with: "(Reporting by A in X; Editing by B)", "Writing by C",
# "D contributed reporting". Read as text, their reporters and editors became actors of the story and
# "Writing" a person. A line that is one is furniture; one closing a paragraph is cut off it.
_STAFF_CREDIT = re.compile(
    r"^\(?\s*(additional\s+)?(reporting|writing|editing|edited|written|compiled|produced)\s+by\b"
    r"|\bcontributed\s+(reporting|to\s+th(is|e)\s+(report|story|article))\b|\btrust\s+principles\b",
    re.I,
)
_TRAILING_STAFF_CREDIT = re.compile(
    r"\s*\(\s*(additional\s+)?(reporting|writing|editing)\s+by\b[^()]*\)\s*$", re.I
)
# A wire dateline opening a story's first paragraph: "KYIV, Ukraine (AP) -", "BEIRUT, March 3 (Reuters) -",
# "WASHINGTON -", "Paris (AFP) -". It says where the reporter filed from, not who did what; left in,
# the parser read "KYIV, Ukraine (AP) - Russian forces shelled X" with Ukraine among the shellers and the
# agency became an actor. The city in capitals, of two words or of at least four letters ("US - Iran
# talks" is no dateline), or any city with an agency in brackets; an optional region or country and
# date; then a dash and the sentence's capital letter. The place and date become a paragraph of their own
# ("ANKARA -", still read by the entity finder's dateline candidates), the agency is dropped.
_DATELINE_LEAD = re.compile(
    r"^(?:(?P<caps>(?-i:[A-Z][A-Z.'’-]{3,}(?:\s[A-Z][A-Z.'’-]+){0,3}|[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){1,3})"
    r"(?:,\s[A-Z][\w.'’ -]{1,30}?)?)(?:\s\([^()]{2,40}\))?"
    r"|(?P<titled>(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?:,\s[A-Z][\w.'’ -]{1,30}?)?)\s\((?-i:[A-Z])[^()]{1,40}\))"
    r"\s*[—–-]{1,2}\s+(?=[A-Z\"“‘'])"
)
# A byline that a page copy runs into the dateline of the first paragraph: "By Ann Lee CAIRO (Reuters) -
# ...". The whole line matched the byline rule, so the story's first paragraph was lost as furniture.
# One to five capitalised name words ("and" may join two names), then a dateline (checked by the caller,
# so a plain "By Ann Lee" line stays furniture).
_BYLINE_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|and)\s+")
_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&'/ -]*(?:via|/)\s*)?(?:AFP|AP|Reuters|EPA|Getty(?: Images)?|Anadolu|Xinhua|AA|SANA|"
    r"[A-Z][A-Za-z.]+ (?:Navy|Army|Ministry|Agency|Office)(?: via [A-Z]+)?|[A-Z]{2,6}(?:/[A-Za-z ]+)?)\)\s*$"
)
# A photo credit closing a caption in another house style: in square brackets ("[AP Photo]"), a
# photographer and agency in capitals ("(Ann Lee / GETTY IMAGES)"), or unbracketed after the caption's
# last sentence ("... in 2019. ANN LEE/AFP via Getty Images"). Left as body, the caption became evidence
# and the credit ran on into the next paragraph's first sentence. The credit is cut off; the line keeps its
# kind (made captions, such lines lost the events and places their readers count).
_OTHER_CREDIT = re.compile(
    r"(?:[(\[][^()\[\]]{0,40}\b(?i:photo|getty images|afp|reuters|associated press)\b[^()\[\]]{0,40}[)\]]"
    r"|(?<=[.!?])\s+[A-Z][\w.'’ -]{1,40}/(?:AFP|AP|Reuters|EPA|Getty Images)(?: via Getty Images)?)\s*$"
)
_PHOTO_WORDS = re.compile(
    r"\b(holds? (up )?(a|an) (poster|picture|placard|flag|sign)|is seen|are seen|pictured|poses?\b|gestures?\b|"
    r"walks? past|stands? (next to|near|in front)|looks on|file (photo|picture)|in this (photo|picture|image)|"
    r"carries (a|an|the) (child|body|boy|girl))",
    re.I,
)
# "By Ann Lee", "By Ann Lee, Reuters | 3 May": a byline. A sentence that opens with "By" and a capital
# ("By Monday, the rebels had fled the town.") is story: a byline does not end like a sentence.
_BYLINE = re.compile(r"^By\s+[A-Z]")
_MENU = re.compile(r"^[\w'’&.-]+(\s*[›»>|/•·]\s*[\w'’&.-]+(\s+[\w'’&.-]+)*)+$")
_DATELINE = re.compile(
    r"^((mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})",
    re.I,
)


# A short subheading of two to five capitalised words ending in a colon ("Grand Hotel:", "Gate of Peace:"),
# over the paragraphs about the place it names; one word ("Related:", "Background:") stays a label.
_SUBHEADING = re.compile(r"^[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|the|de|al|el)){1,4}:$")


@dataclass(frozen=True)
class Line:
    """One line of the article text and what it is."""

    text: str
    kind: LineKind
    offset: int


def _kind(line: str, first: bool) -> LineKind:
    s = line.strip()
    words = s.split()
    if _BOILER.match(s) or _BOILER_ANYWHERE.search(s) or _MENU.match(s) or _STAFF_CREDIT.search(s):
        return "boilerplate"
    if _BYLINE.match(s) and (len(words) <= 4 or not s.endswith((".", '"', "”", "?", "!"))):
        return "boilerplate"
    if "|" in s and len(words) < 16 and not s.endswith("."):
        return "boilerplate"  # "By X staff | Wednesday 5 April 2017"
    if _DATELINE.match(s) and len(words) < 12:
        return "boilerplate"
    if _CREDIT.search(s) or (_PHOTO_WORDS.search(s) and not s.endswith((".", '"', "”"))):
        return "caption"
    if _SUBHEADING.match(s):
        return "title"  # "Grand Hotel:" over the paragraphs about it: a subheading naming a place (round 16)
    if len(words) <= 4 and not s.endswith((".", '"', "”", "?", "!")):
        return "boilerplate"  # site names, section labels, lone menu words
    if not s.endswith((".", '"', "”", "'", "’", "?", "!", ":", ")")) and len(words) < 25:
        return "title" if first or len(words) >= 6 else "boilerplate"  # headline or standfirst
    return "body"


def _dateline_after_byline(line: str) -> int | None:
    """Where the dateline starts when a byline opens `line` and one follows it (shortest byline first)."""
    if not line.startswith("By "):
        return None
    pos = 3
    for _ in range(5):
        word = _BYLINE_WORD.match(line, pos)
        if not word:
            return None
        pos = word.end()
        if _DATELINE_LEAD.match(line[pos:]):
            return pos
    return None


def classify_lines(text: str) -> list[Line]:
    """Classify each non-empty line of `text` (a hard-wrapped paragraph is one), keeping its offset."""
    out: list[Line] = []
    seen_title = False
    for raw, offset in logical_lines(text):  # a hard-wrapped paragraph is one line (loaders/unwrap.py)
        line = _TRAILING_STAFF_CREDIT.sub("", raw)
        if not _CREDIT.search(line):  # a caption's own credit is cut later and tells its kind
            line = _OTHER_CREDIT.sub("", line)
        dateline = _dateline_after_byline(line)
        if dateline:
            line = line[dateline:]  # the byline goes, the dateline and the story stay
        filed = _DATELINE_LEAD.match(line)
        if filed:
            out.append(Line(f"{filed['caps'] or filed['titled']} -", "body", offset))
            line = line[filed.end() :]
        if line.strip():
            kind = _kind(line, not seen_title)
            if kind == "title":
                seen_title = True
            out.append(Line(line, kind, offset))
    return out


def body_text(lines: list[Line], kinds: tuple[LineKind, ...] = ("body", "caption")) -> str:
    """The lines of the given kinds joined as paragraphs."""
    return "\n\n".join(ln.text.strip() for ln in lines if ln.kind in kinds)
