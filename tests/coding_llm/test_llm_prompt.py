"""The codebook and the batch prompt."""
from __future__ import annotations

from jtbd.coding.llm.prompt import CODEBOOK, SYSTEM_PROMPT, batch_prompt, build_items
from jtbd.model import CODES, Excerpt, ParsedDocument, Role, Turn

from .helpers import interview


def test_codebook_covers_every_code_with_example() -> None:
    assert tuple(CODEBOOK) == CODES
    for code, (definition, example) in CODEBOOK.items():
        assert f"- {code}: {definition}. Example: \"{example}\"" in SYSTEM_PROMPT


def test_items_skip_interviewer_and_carry_context() -> None:
    doc, excerpts = interview([["One.", "Two.", "Three."], ["Four."]], ["First q?", "Second q?"])
    items = build_items(doc, excerpts)
    assert items[0] is None and items[4] is None
    first, middle, last = items[1], items[2], items[3]
    assert first and middle and last
    assert (first.question, first.before, first.after) == ("First q?", None, "Two.")
    assert (middle.before, middle.after) == ("One.", "Three.")
    assert last.after is None  # the next excerpt is the interviewer's
    assert items[5] and items[5].question == "Second q?" and items[5].before is None


def test_items_without_turn_index_use_turn_offsets_and_clip_context() -> None:
    question = "So tell me " + "more " * 100 + "about the day?"
    text = f"{question}\nI was stuck."
    doc = ParsedDocument("t.txt", "interview", text,
                         (Turn(0, len(question), "I", Role.INTERVIEWER),
                          Turn(len(question) + 1, len(text), "C", Role.CUSTOMER)))
    ex = Excerpt(len(question) + 1, len(text), "I was stuck.", "C", Role.CUSTOMER)
    item = build_items(doc, [ex])[0]
    assert item and item.question and item.question.endswith("about the day?")
    assert len(item.question) <= 301


def test_items_without_turns_take_the_last_interviewer_excerpt() -> None:
    text = "Why now? The old one broke. It was old."
    doc = ParsedDocument("t.txt", "interview", text, ())
    excerpts = [Excerpt(0, 8, "Why now?", "I", Role.INTERVIEWER),
                Excerpt(9, 27, "The old one broke.", "C", Role.CUSTOMER),
                Excerpt(28, 39, "It was old.", "C", Role.CUSTOMER)]
    items = build_items(doc, excerpts)
    assert items[0] is None
    assert [i.question for i in items[1:] if i] == ["Why now?", "Why now?"]


def test_batch_prompt_numbers_items_and_asks_for_json() -> None:
    doc, excerpts = interview([["One.", "Two."]])
    prompt = batch_prompt([i for i in build_items(doc, excerpts) if i], "review")
    assert prompt.startswith("Source: review. Code each of the 2 numbered excerpts")
    assert "[1]\n" in prompt and "[2]\n" in prompt and "[3]" not in prompt
    assert '{"items":[{"i":1,"codes":["push"],"confidence":{"push":0.9}}]}' in prompt
    assert ", ".join(CODES) in prompt
