"""Static MiniLM-distilled embeddings, the dense features and a numpy-only runtime."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from jtbd.coding.embeddings import DEFAULT_EMBEDDINGS, StaticEmbeddings, default_embeddings
from jtbd.coding.features import DENSE_BLOCKS, Context, dense_features
from jtbd.coding.linear import LinearModel
from jtbd.errors import JtbdError


@pytest.fixture(scope="module")
def emb() -> StaticEmbeddings:
    return default_embeddings()


def test_shipped_file_is_small_float16_with_vocab() -> None:
    assert DEFAULT_EMBEDDINGS.stat().st_size < 10.5e6
    with np.load(DEFAULT_EMBEDDINGS, allow_pickle=False) as z:
        assert z["vectors"].dtype == np.float16
        assert len(str(z["vocab"]).split("\n")) == z["vectors"].shape[0]
        assert "MiniLM" in str(z["source"])


def test_sentence_vectors_are_unit_or_zero(emb: StaticEmbeddings) -> None:
    v = emb.embed(["The app keeps crashing.", "", "   ", "?!"])
    assert v.shape == (4, emb.dim) and v.dtype == np.float32
    assert abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-4
    assert not v[1].any() and not v[2].any()
    assert emb.embed([]).shape == (0, emb.dim)


def test_similar_meaning_is_closer_than_different_meaning(emb: StaticEmbeddings) -> None:
    crash, crash2, love, worry, worry2 = emb.embed([
        "The app keeps crashing.", "It crashes all the time.", "I love the new design.",
        "I was worried about the price.", "What if it costs too much?"])
    assert crash @ crash2 > crash @ love + 0.3
    assert worry @ worry2 > worry @ crash + 0.2


def test_unreadable_file_names_the_rebuild_command(tmp_path: Path) -> None:
    bad = tmp_path / "e.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(JtbdError, match="build_static_embeddings.py"):
        StaticEmbeddings.load(bad)


def test_dense_features_blocks(emb: StaticEmbeddings) -> None:
    d = emb.dim
    texts = ["It was slow.", "It was slow.", "Please add dark mode."]
    ctx = [Context(question="What was going on?", previous=None, next="It was slow."),
           Context(question="What was going on?", previous="It was slow."),
           Context(review=True, question="ignored in reviews", previous="x")]
    f = dense_features(texts, ctx, emb)
    assert f.shape == (3, len(DENSE_BLOCKS) * d)
    blocks = [[f[i, k * d:(k + 1) * d] for k in range(len(DENSE_BLOCKS))] for i in range(3)]
    s0 = emb.embed_one("It was slow.")
    assert np.allclose(blocks[0][0], s0) and np.allclose(blocks[0][3], s0)  # sentence, next
    assert not blocks[0][2].any()  # no previous sentence
    assert np.allclose(blocks[1][2], s0) and not blocks[1][3].any()
    assert np.allclose(blocks[0][1], emb.embed_one("What was going on?"))
    assert np.allclose(blocks[0][4], s0) and not blocks[0][5].any()  # interview copy
    assert not blocks[2][1].any()  # reviews have no question
    assert np.allclose(blocks[2][5], blocks[2][0]) and not blocks[2][4].any()  # review copy


def test_model_with_dense_weights_needs_dense_rows(tmp_path: Path) -> None:
    from jtbd.coding.features import N_FEATURES

    m = LinearModel(("push",), np.zeros((N_FEATURES, 1), np.float32), np.zeros(1),
                    np.array([0.5]), "t", dense_weights=np.ones((4, 1), np.float32),
                    dense_scale=0.5, review_thresholds=np.array([0.3]))
    m.save(tmp_path / "w.npz")
    back = LinearModel.load(tmp_path / "w.npz")
    assert back.n_dense == 4 and back.dense_scale == 0.5
    assert back.thresholds_for(True)[0] == pytest.approx(0.3)
    assert back.thresholds_for(False)[0] == pytest.approx(0.5)
    parts = (np.array([0, 0]), np.array([], dtype=np.int64), np.array([], dtype=np.float32))
    p = back.predict_proba(*parts, dense=np.ones((1, 4), np.float32))
    assert p[0, 0] == pytest.approx(1 / (1 + np.exp(-2.0)))
    with pytest.raises(JtbdError, match="dense features"):
        back.predict_proba(*parts)


def test_coding_needs_no_torch() -> None:
    code = (
        "import sys\n"
        "from jtbd.coding import get_coder, segment_document\n"
        "from jtbd.model import ParsedDocument, Role, Turn\n"
        "t = 'The app keeps crashing. Please add a dark mode.'\n"
        "doc = ParsedDocument('r.csv', 'review', t, (Turn(0, len(t), None, Role.CUSTOMER),))\n"
        "res = get_coder('local').code_document(doc, segment_document(doc))\n"
        "assert 'push' in res[0].codes, res\n"
        "heavy = {'torch', 'transformers', 'sentence_transformers', 'sklearn'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
