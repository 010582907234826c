"""Round 13: the speaker of a reporting verb's frame is no party to the act it reports (docs/extraction-rounds.md
"Round 13: speakers of reports"). Every sentence here is our own."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from graph.model import Extraction
from loaders.mentions import Mention
from loaders.pipeline import Extractor
from loaders.relations.learned_roles import reported_of_another, speaker_as_party
from tests.loaders.extracted import rels


def _pair(extractor: Extractor, text: str, source: str, target: str) -> tuple[Span, Mention, Mention]:
    """The parsed sentence and one-token mentions of the first `source` and `target` words."""
    doc = extractor.nlp(text)
    sent = next(iter(doc.sents))
    words = [t.text for t in doc]
    s, t = words.index(source), words.index(target)
    return (
        sent,
        Mention(start=s, end=s + 1, key=source, kind="country", how="demonym"),
        Mention(start=t, end=t + 1, key=target, kind="group", how="gazetteer"),
    )


def test_the_owner_of_a_speaker_is_not_struck(run: Callable[[str], Extraction]) -> None:
    ex = run("The Houthi-run Saba news agency said Saudi jets struck a market in Saada on Monday.")
    assert ("Saudi Arabia", "STRUCK", "Houthis") not in rels(ex)
    assert ("Saudi Arabia", "STRUCK", "Saada") in rels(ex)


def test_a_speaker_or_its_backer_is_no_target(extractor: Extractor) -> None:
    # the target only owns, backs or is the speaker, before or after the report
    for text, src, tgt in [
        (
            "A Hamas-backed radio station reported that Israeli drones hit a car near Khan Younis.",
            "Israeli",
            "Hamas",
        ),
        (
            "Ethiopian drones struck a bus near Gondar, a Fano-aligned radio station said.",
            "Ethiopian",
            "Fano",
        ),
        (
            "Kurdish militants attacked a police post in Van, said Turkey's state broadcaster.",
            "Kurdish",
            "Turkey",
        ),
        ("Iran's Tasnim agency claimed Israeli warplanes bombed a depot outside Aleppo.", "Israeli", "Iran"),
    ]:
        sent, source, target = _pair(extractor, text, src, tgt)
        assert speaker_as_party(sent, source, target), text


def test_a_speaker_named_back_in_its_report_stays_a_party(extractor: Extractor) -> None:
    for text, src, tgt in [
        ("Hamas said Israeli jets struck its positions in Gaza.", "Israeli", "Hamas"),
        (
            "The Kurdish-run Rudaw channel said Turkish drones had hit their bases in Sinjar.",
            "Turkish",
            "Kurdish",
        ),
    ]:
        sent, source, target = _pair(extractor, text, src, tgt)
        assert not speaker_as_party(sent, source, target), text


def test_a_news_agency_named_with_its_country_is_no_striker(extractor: Extractor) -> None:
    # "the X news agency Y said ...", whether parsed with Y as subject or as "agency [Y said]"
    for text in [
        "Belarusian news agency BelTA said Polish guards attacked the crossing at Terespol.",
        "Serbian news agency Tanjug said Kosovo police raided a school in Zvecan.",
    ]:
        words = text.split()
        sent, source, target = _pair(extractor, text, words[0], words[-1].rstrip("."))
        assert reported_of_another(sent, source, target), text


def test_its_in_a_strike_another_made_is_the_speakers(run: Callable[[str], Extraction]) -> None:
    # "X said Y shelled its posts": the posts are X's, not Y's (a country or armed group speaking)
    ex = run("Lebanon said Israeli jets had bombed its border villages on Friday.")
    assert ("Israel", "STRUCK", "Lebanon") in rels(ex)
    ex = run("Kyiv said Russian drones had hit its energy facilities overnight.")
    assert ("Russia", "STRUCK", "Ukraine") in rels(ex)
