"""The pure-Python WordPiece tokenizer: BERT-uncased basic splitting and greedy pieces."""
from __future__ import annotations

import pytest

from jtbd.coding.embeddings import default_embeddings
from jtbd.coding.wordpiece import MAX_WORD_CHARS, UNK, WordPiece, basic_tokens

TOY = [UNK, "un", "##aff", "##ord", "##able", "una", "afford", "##s", "a", "b", "##b", "!", "."]


def test_basic_tokens_lowercase_accents_and_punctuation() -> None:
    assert basic_tokens("Naïve CAFÉ, e.g. 3.5%!") == ["naive", "cafe", ",", "e", ".", "g", ".",
                                                       "3", ".", "5", "%", "!"]
    assert basic_tokens("don’t stop") == ["don", "’", "t", "stop"]
    assert basic_tokens("  \n\t ") == []


def test_greedy_longest_match_first() -> None:
    wp = WordPiece(TOY)
    # "una" is longer than "un" at the start, so it wins even though "un"+"##aff..." exists.
    assert wp.tokenize("Unaffordable") == [UNK]  # "una" then no "##ffordable" piece
    assert wp.tokenize("una") == ["una"] and wp.tokenize("unaff") == [UNK]
    assert wp.tokenize("affords!") == ["afford", "##s", "!"]
    assert wp.tokenize("abb.") == ["a", "##b", "##b", "."]


def test_unsplittable_and_overlong_words_are_unknown() -> None:
    wp = WordPiece(TOY)
    assert wp.tokenize("zebra") == [UNK]
    assert wp.encode("b" * (MAX_WORD_CHARS + 1)) == [wp.unk_id]
    assert wp.tokenize("b" * 3) == ["b", "##b", "##b"]


def test_vocabulary_needs_unknown_token() -> None:
    with pytest.raises(ValueError, match="unknown token"):
        WordPiece(["a", "##b"])


def test_cache_gives_same_ids() -> None:
    wp = WordPiece(TOY)
    first = wp.encode("afford afford")
    assert first == wp.encode("afford afford") == [wp.vocab["afford"]] * 2


def test_shipped_vocabulary_pieces_spell_the_words() -> None:
    wp = default_embeddings().tokenizer
    text = "I'd sit in traffic for twenty-five minutes; unaffordable subscriptions, naïve café!"
    for word in basic_tokens(text):
        pieces = wp.tokenize(word)
        assert UNK not in pieces
        assert "".join(p.removeprefix("##") for p in pieces) == word
        assert all(p.startswith("##") for p in pieces[1:]) and not pieces[0].startswith("##")
    assert wp.tokenize("Subscriptions") == ["subscription", "##s"]
