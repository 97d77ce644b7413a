"""The second stage ("story context") of the local coder: turn features and rescoring."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from jtbd.coding.features import Context, turn_features, turn_ids
from jtbd.coding.linear import DEFAULT_WEIGHTS, LinearModel, StackModel
from jtbd.coding.local import LocalCoder
from jtbd.model import CODES

PUSH = CODES.index("push")


def test_turn_features_neighbours_max_and_edges() -> None:
    probs = np.array([[0.9, 0.1], [0.2, 0.3], [0.4, 0.8], [0.5, 0.5]])
    S = turn_features(probs, np.array([0, 0, 0, 1]), np.array([False, False, False, True]))
    assert S.shape == (4, 4 * 2 + 5)
    own, prev, nxt, tmax, extra = S[:, :2], S[:, 2:4], S[:, 4:6], S[:, 6:8], S[:, 8:]
    assert np.allclose(own, probs)
    assert np.allclose(prev[1], probs[0]) and np.allclose(prev[0], 0) and np.allclose(prev[3], 0)
    assert np.allclose(nxt[1], probs[2]) and np.allclose(nxt[2], 0) and np.allclose(nxt[3], 0)
    assert np.allclose(tmax[:3], [0.9, 0.8]) and np.allclose(tmax[3], probs[3])
    assert extra[0].tolist() == [1, 0, 0, 1 / 3, 0]  # first, last, relative pos, 1/len, review
    assert extra[2].tolist() == [0, 1, 1, 1 / 3, 0]
    assert extra[3].tolist() == [1, 1, 0, 1, 1]
    assert turn_features(np.zeros((0, 2)), np.zeros(0), np.zeros(0)).shape == (0, 13)


def test_turn_ids_follow_chained_contexts() -> None:
    texts = ["a", "b", "c", "d"]
    ctx = [Context(next="b"), Context(previous="a", next="c"), Context(previous="b"),
           Context()]
    assert turn_ids(texts, ctx).tolist() == [0, 0, 0, 1]


def test_shipped_weights_have_a_second_stage() -> None:
    model = LinearModel.load(DEFAULT_WEIGHTS)
    assert model.stack is not None
    assert model.stack.weights.shape == (4 * len(CODES) + 5, len(CODES))


def test_neighbouring_push_story_raises_push() -> None:
    """A bland sentence between two strong push sentences of one turn gets a higher push
    probability than the same sentence (same contexts, same first stage) on its own."""
    coder = LocalCoder()
    texts = ["Our spreadsheet kept breaking and we lost two invoices last month.",
             "So that was the situation back then.",
             "Honestly the manual work was eating my whole Friday and I was fed up."]
    ctx = [Context(question="What made you start looking?", next=texts[1]),
           Context(question="What made you start looking?", previous=texts[0], next=texts[2]),
           Context(question="What made you start looking?", previous=texts[1])]
    together = coder.code_texts(texts, ctx, turns=[0, 0, 0])
    apart = coder.code_texts(texts, ctx, turns=[0, 1, 2])
    assert together[1].scores["push"] > apart[1].scores["push"]


def test_weights_without_second_stage_still_load(tmp_path: Path) -> None:
    old = replace(LinearModel.load(DEFAULT_WEIGHTS), stack=None)
    path = tmp_path / "old.npz"
    old.save(path)
    loaded = LinearModel.load(path)
    assert loaded.stack is None
    assert np.allclose(loaded.thresholds_for(False), old.thresholds)
    res = LocalCoder(path).code_texts(["The old tool kept crashing every day."], [Context()])
    assert "push" in res[0].codes


@pytest.mark.parametrize("review", [False, True])
def test_second_stage_thresholds_are_used(review: bool) -> None:
    model = LinearModel.load(DEFAULT_WEIGHTS)
    assert model.stack is not None
    expected = model.stack.review_thresholds if review else model.stack.thresholds
    assert np.array_equal(model.thresholds_for(review), expected)


def _with_joint(tmp_path: Path, intercept: float) -> Path:
    """The shipped weights with a joint second stage that gives every code ``intercept``."""
    k = len(CODES)
    base = LinearModel.load(DEFAULT_WEIGHTS)
    joint = StackModel(np.zeros((4 * 2 * k + 5, k)), np.full(k, intercept),
                       np.full(k, 0.5), np.full(k, 0.5))
    path = tmp_path / "joint.npz"
    replace(base, joint=joint).save(path)
    return path


def test_joint_stage_round_trips(tmp_path: Path) -> None:
    loaded = LinearModel.load(_with_joint(tmp_path, -3.0))
    assert loaded.joint is not None and loaded.joint.weights.shape == (4 * 2 * len(CODES) + 5,
                                                                       len(CODES))
    assert np.allclose(loaded.joint.intercepts, -3.0)
    assert loaded.stack is not None  # the linear-only stage stays for --fast


def test_joint_stage_decides_interview_sentences(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A joint stage that rejects everything silences interview sentences, not reviews; the
    linear model alone (--fast) and JOINT off ignore it."""
    text = ["The old tool kept crashing every day and we lost a week of invoices."]
    asked = [Context(question="What was going on at the time?")]
    reviewed = [Context(review=True)]
    path = _with_joint(tmp_path, -10.0)
    coder = LocalCoder(path)
    assert coder.version.endswith("+joint")
    assert coder.code_texts(text, asked)[0].codes == ()
    assert "push" in coder.code_texts(text, reviewed)[0].codes
    assert "push" in LocalCoder(path, transformer=False).code_texts(text, asked)[0].codes
    monkeypatch.setattr("jtbd.coding.local.JOINT", False)
    assert "push" in LocalCoder(path).code_texts(text, asked)[0].codes
