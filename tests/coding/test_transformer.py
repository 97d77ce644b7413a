"""The fine-tuned MiniLM model (ONNX) and its average with the linear model."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from jtbd.coding.features import Context
from jtbd.coding.local import LocalCoder
from jtbd.coding.transformer import (
    DEFAULT_MODEL, MAX_TOKENS, TransformerScorer, default_scorer, encode, load_tokenizer)
from jtbd.errors import JtbdError
from jtbd.model import CODES


@pytest.fixture(scope="module")
def scorer() -> TransformerScorer:
    s = default_scorer()
    assert s is not None, f"the package ships {DEFAULT_MODEL}"
    return s


def test_encode_marks_the_question_segment_and_pads() -> None:
    tok = load_tokenizer()
    feeds = encode(tok, [("It broke.", "What went wrong?"), ("Fine.", "")])
    ids, mask, types = feeds["input_ids"], feeds["attention_mask"], feeds["token_type_ids"]
    assert ids.shape == mask.shape == types.shape and ids.dtype == np.int64
    assert types[0].max() == 1 and types[1].max() == 1  # the (empty) second segment's [SEP]
    assert mask[1].sum() < mask[0].sum() and ids[1, mask[1].sum():].sum() == 0  # padded


def test_encode_truncates_long_text() -> None:
    tok = load_tokenizer()
    feeds = encode(tok, [("word " * 500, "question " * 200)])
    assert feeds["input_ids"].shape[1] == MAX_TOKENS


def test_scorer_gives_probabilities_for_every_code(scorer: TransformerScorer) -> None:
    assert scorer.codes == CODES and scorer.version
    p = scorer.predict(["The old app crashed every single day.", "Please add a dark mode."],
                       [None, None])
    assert p.shape == (2, len(CODES)) and np.all((p >= 0) & (p <= 1))
    assert p[0, CODES.index("push")] > 0.5 and p[1, CODES.index("outcome")] > 0.5


def test_each_sentence_is_scored_on_its_own(scorer: TransformerScorer) -> None:
    """No batching: a sentence's probabilities do not depend on the other sentences, whatever
    their number or length, and runs are repeatable."""
    texts = ["Short.", "A much longer sentence about how the spreadsheet kept breaking on us.",
             "We tried three other tools first."] * 30
    together = scorer.predict(texts, ["What happened?"] * len(texts))
    alone = np.vstack([scorer.predict([t], ["What happened?"]) for t in texts[:3]])
    assert np.allclose(together[:3], alone, atol=1e-6)
    assert np.allclose(together[0], together[3], atol=1e-6)
    assert scorer.predict([], []).shape == (0, len(CODES))


def test_the_question_changes_the_reading(scorer: TransformerScorer) -> None:
    worry = scorer.predict(["The price."], ["What almost stopped you from buying it?"])
    liked = scorer.predict(["The price."], ["What did you like about it?"])
    a, pull = CODES.index("anxiety"), CODES.index("pull")
    assert worry[0, a] > liked[0, a] and liked[0, pull] > worry[0, pull]


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JtbdError, match="train_transformer"):
        TransformerScorer(tmp_path / "nope.onnx")


def test_coder_version_names_both_models() -> None:
    both, linear = LocalCoder(), LocalCoder(transformer=False)
    assert "+minilm" in both.version and "+minilm" not in linear.version


def test_average_asserts_exactly_the_codes_at_or_above_half() -> None:
    coder = LocalCoder()
    texts = ["The invoices took me every Sunday night.", "My wife asked if we could afford it.",
             "Please add an export to Excel.", "We live in Leeds."]
    ctx = [Context(question="What was it like before?"), Context(question="Who else was involved?"),
           Context(review=True), Context(question="Where do you live?")]
    for res in coder.code_texts(texts, ctx):
        assert set(res.codes) == {c for c, s in res.scores.items() if s >= 0.5}
    assert coder.code_texts([texts[3]], [ctx[3]])[0].codes == ()


def test_pair_context_modes() -> None:
    from jtbd.coding.transformer import pair

    q, prev = "What happened next?", "The card was declined."
    assert pair("I left.", q, prev) == ("I left.", q)
    assert pair("I left.", q, prev, "question+previous") == ("I left.", f"{q} | {prev}")
    assert pair("I left.", None, prev, "question+previous") == ("I left.", prev)
    assert pair("I left.", "x" * 500, None, "question+previous")[1] == "x" * 200


def test_interview_bar_lowers_the_bar_for_interviews_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from jtbd.coding import local

    coder = LocalCoder()
    texts = ["Honestly the old spreadsheet was fine most of the time.",
             "My husband kept asking whether we really needed it.",
             "It crashed twice last week and I lost my notes.", "We live in Leeds."]
    ctx = [Context(question="What stopped you from changing sooner?"),
           Context(question="Who else was involved?"), Context(review=True),
           Context(question="Where do you live?")]
    monkeypatch.setattr(local, "INTERVIEW_BAR", 0.5)
    raw = coder.code_texts(texts, ctx)  # the bar at 0.5: scores are the plain average
    below = [s for c, r in zip(ctx, raw) if not c.review for s in r.scores.values()
             if 0.05 < s < 0.5]
    assert below, "no interview score between 0.05 and 0.5 to lower the bar under"
    bar = max(below) - 0.01  # low enough to add at least one code
    monkeypatch.setattr(local, "INTERVIEW_BAR", bar)
    low = coder.code_texts(texts, ctx)
    gained = 0
    for c, r, lo in zip(ctx, raw, low):
        if c.review:
            assert lo.scores == r.scores and lo.codes == r.codes
            continue
        assert set(lo.codes) == {k for k, s in r.scores.items() if s >= bar}
        assert set(lo.codes) == {k for k, s in lo.scores.items() if s >= 0.5}
        assert set(r.codes) <= set(lo.codes)
        gained += len(lo.codes) - len(r.codes)
    assert gained >= 1


@pytest.mark.parametrize("fast", [False, True])
def test_small_talk_gets_no_code_whatever_the_question(fast: bool) -> None:
    from jtbd.coding import lexicon

    coder = LocalCoder(transformer=not fast)
    q = Context(question="And how's it going now, a few months in?")
    texts = ["Give me a second.", "Lovely weather today, isn't it?",
             "Sorry, the dog's barking.", "Payroll takes an hour now instead of a day."]
    got = coder.code_texts(texts, [q] * len(texts))
    for text, r in zip(texts[:3], got[:3]):
        assert lexicon.is_phatic(text)
        assert r.codes == () and max(r.scores.values()) < 0.5, (text, r.scores)
    # the same question still codes a real answer, and short answers are not small talk
    assert "outcome" in got[3].codes
    assert not lexicon.is_phatic("No.") and not lexicon.is_phatic("Nothing, for ages.")
    assert not lexicon.is_phatic("It was a terrible day at work.")


def test_small_talk_may_carry_a_bracketed_laugh() -> None:
    from jtbd.coding import lexicon

    assert lexicon.is_phatic("Sorry, give me a second [laughs]")
    assert lexicon.is_phatic("Hang on. [laughs] The dog's barking again.")
    assert not lexicon.is_phatic("[laughs] Nothing, for ages.")


@pytest.mark.parametrize("text", [
    "Does that make sense?", "Sorry, what was the question?", "Anyway, where was I?",
    "Sorry, I lost my train of thought.", "That's a good question.", "Let me think.",
    "Thanks for having me.", "Okay, bye then, take care.", "Sorry, you cut out there."])
def test_managing_the_conversation_is_small_talk(text: str) -> None:
    from jtbd.coding import lexicon

    assert lexicon.is_phatic(text)


@pytest.mark.parametrize("text", [
    "It makes sense now.", "Good question, the price.", "Let me think about the cost of it.",
    "Yes.", "Take care of the invoices, that was the job."])
def test_answers_that_mention_such_phrases_are_not_small_talk(text: str) -> None:
    from jtbd.coding import lexicon

    assert not lexicon.is_phatic(text)
