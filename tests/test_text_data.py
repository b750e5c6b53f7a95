"""Keras 2's text ``Tokenizer`` (still in ``tf.keras``) as kerascheck follows it
(kerascheck/frontend/text_data.py), held to the real one where it is installed: how many
sequences it makes, and the shape ``pad_sequences`` and its matrices give."""

from __future__ import annotations

import pytest

from interpreted import interpret
from kerascheck.frontend.values import ArrayValue, IdSequence, InertObject

SETUP = """
from tensorflow.keras.preprocessing.text import Tokenizer
from keras.utils import pad_sequences
texts = ["the cat sat", "the dog", "a cat and a dog sat down", "hi"]
tokenizer = Tokenizer(num_words=50)
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)
free = Tokenizer()
free.fit_on_texts(texts)
"""

SHAPES = {
    "pad_sequences(sequences, maxlen=6)": (4, 6),
    "pad_sequences(tokenizer.texts_to_sequences(texts[:2]), maxlen=3)": (2, 3),
    "tokenizer.texts_to_matrix(texts)": (4, 50),
    "tokenizer.texts_to_matrix(texts, mode='tfidf')": (4, 50),
    "tokenizer.sequences_to_matrix(sequences)": (4, 50),
}


@pytest.fixture(scope="module")
def real_tokenizer():
    legacy = pytest.importorskip("keras.src.legacy.preprocessing.text")
    from keras.utils import pad_sequences

    texts = ["the cat sat", "the dog", "a cat and a dog sat down", "hi"]
    tokenizer = legacy.Tokenizer(num_words=50)
    tokenizer.fit_on_texts(texts)
    free = legacy.Tokenizer()
    free.fit_on_texts(texts)
    return {"Tokenizer": legacy.Tokenizer, "pad_sequences": pad_sequences, "texts": texts, "tokenizer": tokenizer,
            "sequences": tokenizer.texts_to_sequences(texts), "free": free}


@pytest.mark.parametrize(("expression", "shape"), SHAPES.items())
def test_the_shapes_are_the_tokenizers(expression: str, shape: tuple, real_tokenizer: dict) -> None:
    followed = interpret(SETUP, expression)
    assert isinstance(followed, ArrayValue) and followed.shape == shape
    assert eval(expression, dict(real_tokenizer)).shape == shape  # noqa: S307  (the test's own expression)


def test_one_sequence_per_text_each_of_a_length_not_known() -> None:
    followed = interpret(SETUP, "sequences")
    assert isinstance(followed, list) and len(followed) == 4
    assert all(isinstance(item, IdSequence) for item in followed)


@pytest.mark.parametrize("expression", [
    "free.texts_to_matrix(texts)",  # as wide as the vocabulary found (plus one)
    "len(tokenizer.word_index)",
    "tokenizer.texts_to_sequences(read_texts())",
])
def test_what_depends_on_the_texts_is_not_known(expression: str) -> None:
    followed = interpret(SETUP, expression)
    assert isinstance(followed, InertObject)
    assert not (isinstance(followed, ArrayValue) and all(type(d) is int for d in followed.shape))
