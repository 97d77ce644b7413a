"""Tolerant parsing of model replies."""
from __future__ import annotations

import pytest

from jtbd.coding.llm.parse import extract_json, normalise_code, parse_reply


def test_extract_from_fence_and_trailing_prose() -> None:
    text = 'Here:\n```json\n{"items": [{"i": 1, "codes": ["push"]}]}\n```\nHope it helps {'
    assert extract_json(text) == {"items": [{"i": 1, "codes": ["push"]}]}
    assert extract_json('{"items": []} and then some {broken') == {"items": []}
    assert extract_json('prefix [1, 2] suffix') == [1, 2]
    with pytest.raises(ValueError):
        extract_json("no json here {at all")


def test_codes_normalised_and_unknown_dropped() -> None:
    assert normalise_code(" Push ") == "push"
    assert normalise_code("Workarounds") == "workaround"
    assert normalise_code("desired outcome") == "outcome"
    assert normalise_code("delight") is None and normalise_code(3) is None
    reply = parse_reply('{"items":[{"i":1,"codes":["Pull","delight","pull","anxiety"],'
                        '"confidence":{"pull":0.7,"delight":1,"habit":0.2}}]}', 1)
    item = reply.items[0]
    assert item.codes == ("pull", "anxiety")
    assert item.scores["pull"] == 0.7 and item.scores["anxiety"] == 1.0
    assert item.scores["habit"] == 0.2 and "delight" not in item.scores
    assert reply.complete


def test_items_by_number_out_of_order_and_missing() -> None:
    reply = parse_reply('{"items":[{"i":"3","codes":"push, trigger"},{"i":1,"codes":[]},'
                        '{"i":9,"codes":["push"]}]}', 3)
    assert [it.codes for it in reply.items] == [(), (), ("push", "trigger")]
    assert not reply.complete and "[2]" in reply.warnings[0]


def test_single_confidence_number_and_bare_list() -> None:
    reply = parse_reply('[{"codes":["habit"],"confidence":"80%"},{"codes":["social"],"confidence":0.4}]', 2)
    assert reply.items[0].scores["habit"] == pytest.approx(0.8)
    assert reply.items[1].codes == ("social",) and reply.items[1].scores["social"] == 0.4


def test_not_json_leaves_all_uncoded() -> None:
    reply = parse_reply("Sorry, I can't do that.", 2)
    assert [it.codes for it in reply.items] == [(), ()]
    assert "not JSON" in reply.warnings[0]
