"""Keras 2's text preprocessing, as model files still use it through ``tf.keras``: the
``Tokenizer`` (``keras.src.legacy.preprocessing.text``). Which words it keeps depends on the
texts; what is known is how many sequences it makes and, given ``num_words``, how wide its
matrices are:

- ``texts_to_sequences(texts)``: a list with one list of word ids per text (of a length that
  depends on the text), which ``pad_sequences`` makes ``(len(texts), maxlen)``;
- ``texts_to_matrix(texts)`` and ``sequences_to_matrix(sequences)``: ``(len(texts), num_words)``
  floats (without ``num_words``, as wide as the vocabulary found plus one: not known).
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.numpy_data import NOT_MODELLED, made_by
from kerascheck.frontend.values import (
    INERT,
    MAX_SEQUENCE,
    ArrayValue,
    DataMethod,
    IdSequence,
    TableValue,
    TextTokenizer,
    contents_unknown,
)

METHODS = frozenset({"fit_on_texts", "fit_on_sequences", "texts_to_sequences", "texts_to_matrix",
                     "sequences_to_matrix", "sequences_to_texts"})


def is_tokenizer_class(dotted: str) -> bool:
    return dotted == "keras.preprocessing.text.Tokenizer"  # (``tensorflow.keras.…`` too: the same name)


def tokenizer(args: list[Any], kwargs: dict[str, Any]) -> TextTokenizer:
    """``Tokenizer(num_words=None, ...)``."""
    num_words = kwargs.get("num_words", args[0] if args else None)
    return TextTokenizer(num_words if num_words is None or type(num_words) is int else UNKNOWN)


def tokenizer_attribute(value: TextTokenizer, attr: str) -> Any:
    return DataMethod(value, attr) if attr in METHODS else INERT  # word_index, word_counts…: data


def _count(texts: Any) -> Any:
    """How many texts (or sequences) ``texts`` holds: a list's or a 1-D array's length; None
    where not even the kind is known."""
    if isinstance(texts, (list, tuple)):
        return UNKNOWN if contents_unknown(texts) else len(texts)
    if isinstance(texts, ArrayValue) and len(texts.shape) == 1 or isinstance(texts, TableValue) and texts.rank == 1:
        return texts.shape[0] if isinstance(texts, ArrayValue) else UNKNOWN
    return None


def tokenizer_method(value: TextTokenizer, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    if name in ("fit_on_texts", "fit_on_sequences"):
        return None
    texts = args[0] if args else kwargs.get("texts", kwargs.get("sequences"))
    count = _count(texts)
    if count is None:
        return NOT_MODELLED
    if name in ("texts_to_sequences", "sequences_to_texts"):
        if type(count) is not int or count > MAX_SEQUENCE:
            return INERT  # a list of a length not known (or longer than kerascheck follows)
        return [IdSequence() if name == "texts_to_sequences" else INERT for _ in range(count)]
    if name in ("texts_to_matrix", "sequences_to_matrix"):
        width = value.num_words if type(value.num_words) is int else UNKNOWN
        return ArrayValue((count, width), "float64", made_by(f"Tokenizer.{name}", node))
    return NOT_MODELLED
