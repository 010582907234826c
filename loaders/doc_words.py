"""A doc's words and tags, read once per doc and shared by the rule components that scan for them.

Speed: a `for tok in doc` loop that tests `tok.lower_` (or `.text`, `.pos_`, `.tag_`) makes a Token
object and looks a string up for every token of the doc, and the entity finders run some thirty such
scans, each for a few words. The columns are read once per doc (`lowers`, `texts`, `parts_of_speech`,
`fine_tags`, `doc_text`, kept in `doc.user_data`), and a scan takes Token objects for the tokens its
first test can let through only (`tokens_in` for a word list). A scan keeps its own tests as they were,
so it finds exactly what it found before. `joined` writes a sentence's words (less some) as the text spaces them, from the columns
read once, as the date finders do for every event mention.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from spacy.tokens import Doc, Span, Token

# doc.user_data keys; the extraction never writes a doc out, nor retokenizes it
KEY = "actorgraph_lowers"
TEXT_KEY = "actorgraph_texts"
POS_KEY = "actorgraph_pos"
DOC_TEXT_KEY = "actorgraph_text"
TAG_KEY = "actorgraph_tags"
WS_KEY = "actorgraph_spaces"


def lowers(doc: Doc) -> list[str]:
    """`tok.lower_` of every token, in order (computed on first use, then kept with the doc)."""
    forms = doc.user_data.get(KEY)
    if forms is None or len(forms) != len(doc):  # a new doc, or one retokenized since
        forms = doc.user_data[KEY] = [tok.lower_ for tok in doc]
    return forms  # type: ignore[no-any-return]


def texts(doc: Doc) -> list[str]:
    """`tok.text` of every token, in order (computed on first use, then kept with the doc)."""
    forms = doc.user_data.get(TEXT_KEY)
    if forms is None or len(forms) != len(doc):
        forms = doc.user_data[TEXT_KEY] = [tok.text for tok in doc]
    return forms  # type: ignore[no-any-return]


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from the tokens at every access: joined once, then kept with the doc."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = "".join(texts_with_ws(doc))
    return text  # type: ignore[no-any-return]


def texts_with_ws(doc: Doc) -> list[str]:
    """`tok.text_with_ws` of every token (no cache: `doc_text` keeps their join)."""
    return [tok.text_with_ws for tok in doc]


def parts_of_speech(doc: Doc) -> list[str]:
    """`tok.pos_` of every token, in order (computed on first use, then kept with the doc)."""
    forms = doc.user_data.get(POS_KEY)
    if forms is None or len(forms) != len(doc):
        forms = doc.user_data[POS_KEY] = [tok.pos_ for tok in doc]
    return forms  # type: ignore[no-any-return]


def fine_tags(doc: Doc) -> list[str]:
    """`tok.tag_` of every token, in order (computed on first use, then kept with the doc)."""
    forms = doc.user_data.get(TAG_KEY)
    if forms is None or len(forms) != len(doc):
        forms = doc.user_data[TAG_KEY] = [tok.tag_ for tok in doc]
    return forms  # type: ignore[no-any-return]


def spaces(doc: Doc) -> list[str]:
    """`tok.whitespace_` of every token, in order (computed on first use, then kept with the doc)."""
    forms = doc.user_data.get(WS_KEY)
    if forms is None or len(forms) != len(doc):
        forms = doc.user_data[WS_KEY] = [tok.whitespace_ for tok in doc]
    return forms  # type: ignore[no-any-return]


def joined(span: Span, skip: Container[int] = (), keep: Container[int] | None = None) -> str:
    """The words of `span` as the text writes them, less the token indices in `skip` (or only those in
    `keep`): "Dec. 27, 1979", not "Dec . 27 , 1979", which no date pattern reads (r16/evt), with a space
    where left-out tokens stood between two that the text runs together; read from the columns kept
    with the doc, without a Token object a word (r16/speed)."""
    words, ws = texts(span.doc), spaces(span.doc)
    out: list[str] = []
    prev = -1
    for i in range(span.start, span.end):
        if i in skip or (keep is not None and i not in keep):
            continue
        if prev >= 0 and not ws[prev] and i != prev + 1:
            out.append(" ")
        out.append(words[i] + ws[i])
        prev = i
    return "".join(out)


def tokens_in(doc: Doc, words: Container[str], start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of `doc[start:end]` whose lower-case form is in `words`, in order."""
    forms = lowers(doc)
    for i in range(*slice(start, end).indices(len(forms))):
        if forms[i] in words:
            yield doc[i]
