"""Round 13: affiliations on unseen news (docs/extraction-rounds.md "Round 13: affiliations"). Every sentence here
is our own."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import Extraction
from tests.loaders.extracted import rels


def test_an_office_before_a_military_rank(run: Callable[[str], Extraction]) -> None:
    # the rank between office and name hid the office; the office is national, the country is the article's
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Army spokesman Colonel Kwesi Boateng said "
        "three soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)
    ex = run(
        "The Tanzanian navy seized a dhow off Tanga, navy spokesperson Captain Juma Mrisho said. Tanzania "
        "said the crew fled. Tanzania will patrol more."
    )
    assert ("Juma Mrisho", "AFFILIATED_WITH", "Tanzania") in rels(ex)


def test_an_abbreviated_rank_ends_no_sentence(run: Callable[[str], Extraction]) -> None:
    # "Capt." split off its stop made the parser start a sentence at the name
    for rank in ("Capt.", "Maj.", "Lt.", "Col."):
        ex = run(
            f"Ghana's army said it repelled raiders near Bawku. Army spokesman {rank} Kwesi Boateng said "
            "three soldiers were hurt. Ghana sent more troops. Ghana closed the road."
        )
        assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex), rank
    # the parser still breaks the sentence after "Brig.": the title is read across the break
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Army spokesman Brig. Kwesi Boateng said three "
        "soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)
    # "Maj. Gen." is "major general", a national title
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Maj. Gen. Kwesi Boateng said three soldiers "
        "were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)


def test_a_title_apposition_at_the_first_word(run: Callable[[str], Extraction]) -> None:
    # the parser hangs the name on the text's first token: no word before it to read (raised IndexError)
    ex = run("IAEA chief Rafael Grossi visited Bushehr.")
    assert ("Rafael Grossi", "AFFILIATED_WITH", "International Atomic Energy Agency") in rels(ex)


def test_a_name_after_a_run_of_ranks_is_a_person(run: Callable[[str], Extraction]) -> None:
    # the small model tags "Rear Admiral X Y" a body, or leaves the name after "Maj Gen" untagged
    ex = run(
        "Ghana's navy seized a trawler off Takoradi. Navy spokesman Rear Admiral Yaw Darko said the crew "
        "fled. Ghana said so."
    )
    assert ("Yaw Darko", "AFFILIATED_WITH", "Ghana") in rels(ex)
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Military spokesman Maj Gen Kwesi Boateng said "
        "three soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Kwesi Boateng", "AFFILIATED_WITH", "Ghana") in rels(ex)
    # "Sgt." split from its stop, the parser breaking the sentence there: the name is still a person
    ex = run(
        "Ghana's army said it repelled raiders near Bawku. Army spokesman Sgt. Tariq Bajwa said three "
        "soldiers were hurt. Ghana sent more troops. Ghana closed the road."
    )
    assert ("Tariq Bajwa", "AFFILIATED_WITH", "Ghana") in rels(ex)


def test_the_groups_spokesman_is_the_groups_not_the_countrys(run: Callable[[str], Extraction]) -> None:
    # "the group" was named too far back to resolve; the article's one armed group, never the main country
    ex = run(
        "Al Shabaab fighters attacked a base near Kismayo. Kenyan troops fought back. Kenya sent jets. "
        "The jets hit two trucks near the river. The group's military spokesman Ali Dhere said ten "
        "soldiers died. Kenya denied it."
    )
    assert ("Ali Dhere", "AFFILIATED_WITH", "al-Shabab") in rels(ex)
    assert ("Ali Dhere", "AFFILIATED_WITH", "Kenya") not in rels(ex)
