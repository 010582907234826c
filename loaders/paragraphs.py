"""`actorgraph_paragraphs`: a paragraph that ends in a dash (a wire dateline) ends its sentence.

`prepare` (loaders/pipeline.py) joins an article's paragraphs, headline and captions with a blank line.
spaCy's parser usually starts a sentence there, but not after a line that ends without closing
punctuation: a wire dateline put on a line of its own ("KYIV, Ukraine -", loaders/boilerplate.py) ran on
into the story's first sentence, and its place became an actor of that sentence. The parser keeps
sentence starts set before it, so this component marks the first token after a blank line that follows
a dash. Marking every paragraph start was measured and not kept: the parser's own choices at other
paragraph breaks scored better on dev's tune half (docs/extraction.md).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "actorgraph_paragraphs"
DASHES = frozenset({"-", "—", "–"})


@Language.component(COMPONENT)
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the token after a dash and a blank line as a sentence start."""
    for tok in doc[1:-1]:
        if tok.is_space and tok.text.count("\n") >= 2 and doc[tok.i - 1].text in DASHES:
            doc[tok.i + 1].is_sent_start = True
    return doc
