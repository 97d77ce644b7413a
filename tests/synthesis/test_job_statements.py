"""Job statements name the progress: shared, abstract objects over artefacts one person mentions,
progress verbs over task verbs, and a clarifier the participants share."""
from __future__ import annotations

from jtbd.model import CodedExcerpt, Role
from jtbd.synthesis import SynthesisInput, lint_job_statement, synthesize
from jtbd.synthesis.inputs import DocumentInfo
from jtbd.synthesis.progress import abstraction, desire_phrases, head_stats, is_state, progress_score, verb_weight
from jtbd.synthesis.text import Phrase

#: Bookkeeping people: all talk about the books and tax time, only the first mentions receipts.
_BOOKS = [
    ["I need to keep receipts in a folder for the accountant.", "I want to keep the books ready for tax time.",
     "The books were a mess at tax time and I panicked."],
    ["I wanted to keep the books tidy for tax time.", "Tax time was a scramble with the books every year.",
     "I felt ashamed when the accountant saw the books."],
    ["The books were always behind at tax time.", "I just want to keep the books up to date for tax time.",
     "I was scared of a penalty because of the books."],
    ["I need to keep the books straight before tax time.", "My partner did the books and tax time was chaos.",
     "Now the books are done and tax time is calm."],
]
#: Fitness people: a clearly different job.
_FIT = [
    ["I want to get fit without leaving home.", "The gym was too far away so my workouts never happened.",
     "I felt unfit on the stairs."],
    ["I need to get fit while the baby naps.", "Short workouts in the living room fit around my shifts.",
     "I was out of breath at the park."],
    ["I wanted to get fit before summer.", "I never had time for the gym after work.",
     "Now I train at home three times a week."],
    ["I just want to get fit at home.", "Workouts at the gym never fitted my shifts.",
     "I felt stronger after a month of home workouts."],
]
_CODES = [("outcome",), ("outcome", "pull"), ("push", "emotional")]


def _study() -> SynthesisInput:
    docs, excerpts = [], []
    for group, people in (("B", _BOOKS), ("F", _FIT)):
        for n, sentences in enumerate(people, 1):
            pid, doc_id = f"{group}{n}", len(docs) + 1
            text = ""
            for k, (sentence, codes) in enumerate(zip(sentences, _CODES)):
                text += f"Interviewer: Tell me more ({k}).\n\nParticipant: "
                start = len(text)
                text += sentence + "\n\n"
                excerpts.append(CodedExcerpt(doc_id, f"{pid}.md", start, start + len(sentence), sentence,
                                             "Participant", Role.CUSTOMER, codes, {c: 0.9 for c in codes}, pid,
                                             "interview", 2 * k + 1, "Interviewer: Tell me more."))
            docs.append(DocumentInfo(doc_id, f"{pid}.md", "interview", text, pid, {}))
    return SynthesisInput(docs, excerpts, [], seed=0)


def test_shared_abstract_object_beats_an_artefact_one_person_mentions() -> None:
    syn = synthesize(_study())
    by_group = {j.participants[0][0]: j for j in syn.jobs}
    assert sorted(by_group) == ["B", "F"]
    books = by_group["B"].statement
    assert "receipt" not in books and "books" in books, books
    assert books.split()[0] == "keep" and "tax time" in books, books
    assert "fit" in by_group["F"].statement
    for j in syn.jobs:
        assert lint_job_statement(j.statement) == [], j.statement


def test_statements_are_deterministic() -> None:
    assert [j.statement for j in synthesize(_study()).jobs] == [j.statement for j in synthesize(_study()).jobs]


def test_desire_phrases_follow_wishes_and_purposes() -> None:
    texts = {ph.text for ph in desire_phrases("I just want to get paid on time so I can stop worrying about rent.")}
    assert "get paid on time" in texts
    assert all(ph.intent for ph in desire_phrases("It helps me keep the books tidy."))
    assert {ph.verb for ph in desire_phrases("It helps me keep the books tidy.")} == {"keep"}
    assert desire_phrases("The weather was nice.") == []


def test_scoring_prefers_progress_verbs_abstract_objects_and_coverage() -> None:
    assert verb_weight("keep") > verb_weight("plan") > verb_weight("photograph")
    assert abstraction("book") > abstraction("project") > abstraction("receipt")
    assert is_state(Phrase("get", "paid", "")) and not is_state(Phrase("send", "invoices", ""))
    stats = head_stats([("a", "the books are late"), ("b", "my books again"), ("b", "a receipt"),
                        ("c", "the books")], {"a", "b", "c"})
    assert stats.of("book") == 1.0 and abs(stats.of("receipt") - 1 / 3) < 1e-9
    distinct = {"book": 0.6, "receipt": 0.9}
    books = progress_score(Phrase("keep", "the books", ""), stats, distinct, 3, 0.5)
    receipts = progress_score(Phrase("keep", "receipts", ""), stats, distinct, 3, 0.5)
    snap = progress_score(Phrase("photograph", "the books", ""), stats, distinct, 3, 0.5)
    assert books > receipts and books > snap
