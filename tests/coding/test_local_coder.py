"""The default local coder on context cases, reviews, language and edge cases."""
from __future__ import annotations


import pytest

from jtbd.coding import Coder, get_coder, segment_document
from jtbd.coding.local import LocalCoder
from jtbd.model import CODES, ParsedDocument, Role

from .helpers import interview, review


@pytest.fixture(scope="module")
def coder() -> LocalCoder:
    c = get_coder("local")
    assert isinstance(c, LocalCoder)
    return c


def _codes(coder: LocalCoder, doc: ParsedDocument) -> list[tuple[str, tuple[str, ...]]]:
    ex = segment_document(doc)
    res = coder.code_document(doc, ex)
    assert len(res) == len(ex)
    return [(e.text, r.codes) for e, r in zip(ex, res) if e.role is not Role.INTERVIEWER]


def test_protocol_and_identity(coder: LocalCoder) -> None:
    assert isinstance(coder, Coder)
    assert coder.name == "jtbd-local" and coder.version


def test_short_answer_takes_meaning_from_question(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "What stopped you from changing sooner?"), ("Bo", "Inertia, mostly."),
                    ("Interviewer", "What almost stopped you?"), ("Bo", "The price."))
    assert _codes(coder, doc) == [("Inertia, mostly.", ("habit",)), ("The price.", ("anxiety",))]


def test_same_answer_different_question(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "What made you choose it in the end?"), ("Bo", "Mostly the price."))
    assert "pull" in _codes(coder, doc)[0][1]


def test_quoted_colleague_doubt_is_anxiety(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "What did your colleagues think?"),
                    ("Bo", 'My boss asked, "Do we really need another tool?"'))
    codes = _codes(coder, doc)[0][1]
    assert "anxiety" in codes and "social" in codes


def test_earlier_purchase_gone_wrong_is_push(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "Tell me about the tool you had before."),
                    ("Bo", "We bought a big CRM two years ago and it was a disaster. Nobody used it."))
    assert all("push" in c for _, c in _codes(coder, doc))


def test_benefit_after_the_switch_is_outcome_attraction_before_is_pull(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "What made you go for that one?"),
                    ("Bo", "The demo showed all our bookings on one screen."),
                    ("Interviewer", "And how is it now?"),
                    ("Bo", "Payroll takes me about an hour on a Monday now."))
    (_, before), (_, after) = _codes(coder, doc)
    assert "pull" in before and "outcome" not in before
    assert "outcome" in after and "pull" not in after


def test_small_talk_gets_no_codes(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "Can you hear me okay?"), ("Bo", "Yes, loud and clear."),
                    ("Interviewer", "Great, thanks for joining."), ("Bo", "No problem, happy to help."))
    assert [c for _, c in _codes(coder, doc)] == [(), ()]


def test_interviewer_only_document_has_no_codes(coder: LocalCoder) -> None:
    doc = interview(("Interviewer", "The app crashes all the time and I hate it."))
    res = coder.code_document(doc, segment_document(doc))
    assert res and all(r.codes == () for r in res)


@pytest.mark.parametrize("text, code", [
    ("The app crashes when I open a PDF.", "push"),
    ("Can't export my reports since the update.", "push"),
    ("Support never answered my emails.", "push"),
    ("Please add a dark mode.", "outcome"),
    ("Would be great if it synced with Outlook.", "outcome"),
    ("Wish it had a home screen widget.", "outcome"),
    ("I want to be able to share lists with my family.", "outcome"),
    ("Love it, the reminders work perfectly.", "pull"),
])
def test_review_sentences(coder: LocalCoder, text: str, code: str) -> None:
    assert code in _codes(coder, review(text))[0][1]


def test_scores_are_confidences(coder: LocalCoder) -> None:
    doc = review("The app keeps crashing. Please fix it.")
    for r in coder.code_document(doc, segment_document(doc)):
        assert set(r.scores) == set(CODES)
        assert all(0.0 <= s <= 1.0 for s in r.scores.values())
        assert all(r.scores[c] >= 0.2 for c in r.codes)


def test_non_english_gets_no_codes(coder: LocalCoder) -> None:
    doc = review("Die App stürzt ständig ab, wenn ich eine Rechnung exportieren möchte. Bitte beheben.")
    assert not coder.supports(doc)
    assert all(r.codes == () for r in coder.code_document(doc, segment_document(doc)))


def test_empty_document(coder: LocalCoder) -> None:
    doc = ParsedDocument("e.txt", "review", "", ())
    assert coder.code_document(doc, segment_document(doc)) == []


def test_unknown_coder_name_is_an_input_error() -> None:
    from jtbd.errors import InputError

    with pytest.raises(InputError, match="unknown coder"):
        get_coder("magic")


def test_context_has_previous_and_next_sentence_of_the_same_turn() -> None:
    from jtbd.coding.local import contexts_for

    doc = interview(("Interviewer", "What was going on?"), ("Bo", "It was slow. It crashed."),
                    ("Interviewer", "And then?"), ("Bo", "I left."))
    ex = segment_document(doc)
    ctx = dict(zip([e.text for e in ex], contexts_for(doc, ex)))
    assert ctx["It was slow."].previous is None and ctx["It was slow."].next == "It crashed."
    assert ctx["It crashed."].previous == "It was slow." and ctx["It crashed."].next is None
    assert ctx["I left."].question == "And then?" and ctx["I left."].next is None
    assert not ctx["I left."].review


def test_reviews_use_their_own_thresholds(coder: LocalCoder) -> None:
    model = coder._model
    assert model.review_thresholds is not None and model.n_dense > 0
    assert model.review_thresholds.shape == model.thresholds.shape
