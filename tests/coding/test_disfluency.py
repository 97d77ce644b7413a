"""What the models read of a spoken sentence: fillers and stutters out, meaning kept."""
from __future__ import annotations

import pytest

from jtbd.coding.disfluency import clean


@pytest.mark.parametrize("said, read", [
    ("Um, so I was, you know, fed up with the, the old one.", "So I was fed up with the old one."),
    ("Erm, we do maybe four thousand items.", "We do maybe four thousand items."),
    ("So, like, you know, I just, I just left.", "So I just left."),
    ("Uh-huh, that was it.", "That was it."),
    ("We- we moved.", "We moved."),
    ("I I thought so.", "I thought so."),
    ("Well, uh, I mean, it cost a lot, you know?", "Well it cost a lot."),
    ("Hmm, not really.", "Not really."),
])
def test_fillers_and_stutters_are_removed(said: str, read: str) -> None:
    assert clean(said) == read


@pytest.mark.parametrize("said", [
    "I like it.", "I had had enough.", "It was sort of fine.", "Yeah.", "No.", "Um.",
    "Summer, umbrella, humming, errands.", "It looked like a toy.", "Kind of, yeah.",
    "I quite liked it, it was my Saturday thing.", "You don't add it up, you just pay it.",
    "I did get rained on on the Wednesday.", "I still do that, that's not going anywhere.",
    "He said that that was fine.",
])
def test_meaning_is_kept(said: str) -> None:
    assert clean(said) == said


def test_models_score_a_disfluent_sentence_like_its_clean_form() -> None:
    from jtbd.coding.features import Context
    from jtbd.coding.local import LocalCoder

    coder = LocalCoder(transformer=False)
    ctx = Context(question="What was going on before you switched?")
    plain, spoken = coder.code_texts(
        ["I was sick of the old one crashing every week.",
         "Um, I was, you know, sick of the, the old one crashing every week."], [ctx, ctx])
    assert plain.codes == spoken.codes and "push" in plain.codes
    assert plain.scores == pytest.approx(spoken.scores, abs=1e-9)
