"""`actorgraph_abbreviations`: an abbreviated rank before a name does not end a sentence.

spaCy's tokenizer splits "Capt." and "Col." into a word and a full stop, and the parser then often
starts a new sentence at the name after it ("Army spokesman Capt. | X said ..."): the title and its
holder land in two sentences, and the holder's office is lost. The parser keeps sentence starts set
before it, so this component marks the capitalised word after "<Rank> ." as no sentence start. The
abbreviations are the relation lexicon's `rank_abbreviations`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from loaders.relations.lexicon import table

COMPONENT = "actorgraph_abbreviations"
RANKS = frozenset(table("rank_abbreviations"))


@Language.component(COMPONENT)
def rank_abbreviations(doc: Doc) -> Doc:
    """Mark the name after an abbreviated rank and its stop as no sentence start."""
    for tok in doc[1:]:
        if not tok.is_title:
            continue
        before = doc[tok.i - 1]
        if before.text == "." and tok.i > 1:  # "Capt" "." "X"
            before = doc[tok.i - 2]
        elif not before.text.endswith("."):  # or "Brig." "X"
            continue
        if before.text[:1].isupper() and before.lower_.rstrip(".") in RANKS:
            tok.is_sent_start = False
    return doc
