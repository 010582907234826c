"""Round 16, speed: the shortcuts that spare Token objects find exactly what the token-by-token loops found.

`loaders/doc_words.py` keeps a doc's words once per doc; the scans that read them, the relation prefilter
that rules trees out by their unmet constraints, and the breadcrumb shortcut must change no result. The
sentences are our own.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from loaders.doc_words import doc_text, fine_tags, joined, lowers, parts_of_speech, texts, tokens_in
from loaders.entities.context import crumb_sentences
from loaders.pipeline import load_nlp
from loaders.relations.prefilter import SentenceFilter

TEXT = (
    "GARVALE - The Harbour Council said on Monday that its Water Agency had closed two wells.\n\n"
    "Residents of the town of Ostrel, in the province of Dunmere, protested for a week. "
    "Relief groups (RG) sent trucks, and the council thanked them."
)


@pytest.fixture(scope="module")
def doc() -> Doc:
    return load_nlp()(TEXT)


def test_word_lists_are_the_token_attributes(doc: Doc) -> None:
    assert lowers(doc) == [t.lower_ for t in doc]
    assert texts(doc) == [t.text for t in doc]
    assert parts_of_speech(doc) == [t.pos_ for t in doc]
    assert fine_tags(doc) == [t.tag_ for t in doc]
    assert doc_text(doc) == doc.text


def test_word_lists_follow_a_changed_doc() -> None:
    nlp = load_nlp()
    first, second = nlp("Two wells closed."), nlp("The council met in Ostrel on Monday.")
    second.user_data.update(first.user_data | {"actorgraph_lowers": lowers(first)})
    # a list of another length is not this doc's: it is read again
    assert lowers(second) == [t.lower_ for t in second]


@pytest.mark.parametrize(("start", "end"), [(0, None), (1, None), (2, -1), (1, -2), (0, 3), (5, 2)])
def test_tokens_in_is_the_slice_scan(doc: Doc, start: int, end: int | None) -> None:
    words = {"the", "of", "council", "("}
    expected = [t.i for t in doc[start:end] if t.lower_ in words]
    assert [t.i for t in tokens_in(doc, words, start, end)] == expected
    if end is None:
        assert expected  # the words are there: the test compares hits, not two empty lists


def test_joined_leaves_out_or_keeps_tokens(doc: Doc) -> None:
    sent = next(iter(doc.sents))
    skip = {sent.start + 1, sent.start + 4}
    assert joined(sent) == sent.text_with_ws  # the words as the text spaces them (r16/evt)

    def written(keep: set[int]) -> str:  # r16/evt's token join, from Token objects
        out, prev = [], None
        for t in sent:
            if t.i in keep:
                if prev is not None and not prev.whitespace_ and t.i != prev.i + 1:
                    out.append(" ")
                out.append(t.text_with_ws)
                prev = t
        return "".join(out)

    everything = {t.i for t in sent}
    assert joined(sent, skip) == written(everything - skip)
    assert joined(sent, keep=skip) == written(skip)


def test_crumbs_found_only_where_marked() -> None:
    nlp = load_nlp()
    assert crumb_sentences(nlp("The council met on Monday. It closed two wells.")) == set()
    marked = nlp("Home > Region > Towns\n\nThe council met on Monday.")
    assert 0 in crumb_sentences(marked)


def test_prefilter_rules_out_a_tree_whose_word_is_absent(doc: Doc) -> None:
    def pattern(lemma: str) -> list[dict[str, object]]:
        return [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": lemma}},
            {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        ]

    roots = SentenceFilter([pattern("close"), pattern("bake")], load_nlp().vocab).possible_roots(doc)
    closed = next(t.i for t in doc if t.lemma_ == "close")
    assert closed in roots[0]
    assert roots[1] == set()  # no token is "bake": the tree has no root, as the full test finds too


def test_equipment_scan_still_reads_a_lower_case_maker() -> None:
    """The equipment scan skips words with no capital and no proper-noun tag, but not a maker's name
    written in lower case after "an": that test reads neither."""
    from loaders.entities import candidates

    doc = load_nlp()("Officials said an airbus landed late.")
    maker = next(t.i for t in doc if t.text == "airbus")
    assert doc[maker].pos_ != "PROPN"
    assert maker in candidates._equipment_tokens(doc)
