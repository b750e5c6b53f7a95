"""Lookup and hashing layers (``keras/src/layers/preprocessing/``: ``index_lookup.py``,
``string_lookup.py``, ``integer_lookup.py``, ``text_vectorization.py``, ``hashing.py``,
``hashed_crossing.py``).  Keras needs TensorFlow installed to construct them, whatever the backend.

None has Keras weights.  ``output_mode='int'`` keeps the input's shape (TextVectorization:
``(batch, output_sequence_length)``); the other modes give a last axis of *depth*: ``num_bins``
for hashing, and for lookups ``max_tokens`` with ``pad_to_max_tokens=True``, otherwise the
vocabulary size — the tokens given plus the mask and OOV indices — which stays ``None`` for a
layer without a ``vocabulary`` (adapted later), as in Keras's ``compute_output_shape``.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, as_shape, format_dim, format_shape
from kerascheck.engine.layer import LayerError, LayerRule, register
from kerascheck.engine.operation_utils import require_known, require_number

LOOKUP_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def validate_string_arg(value: Any, allowed: tuple, caller: str, arg: str, allow_none: bool = False,
                        allow_callables: bool = False) -> None:
    """``keras.src.utils.argument_validation.validate_string_arg``."""
    if value is UNKNOWN or (allow_none and value is None) or (isinstance(value, str) and value in allowed):
        return
    if allow_callables and not isinstance(value, (str, int, float, tuple, list, dict, type(None))):
        return  # a function kerascheck cannot see
    raise LayerError(
        f"Unknown value for `{arg}` argument of {caller}. Allowed values are: {allowed}. Received: {arg}={value}"
    )


def standardize_output_mode(rule: LayerRule, allowed: tuple = LOOKUP_MODES) -> Any:
    mode = rule.output_mode
    mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(mode, mode) if isinstance(mode, str) else mode
    validate_string_arg(mode, allowed, rule.keras_class, "output_mode")
    rule.args["output_mode"] = mode
    return mode


def reject_sparse_on_jax(sparse: Any) -> None:
    if sparse is not UNKNOWN and sparse:
        raise LayerError("`sparse=True` can only be used with the TensorFlow backend.")


def depth_output_shape(input_shape: tuple, mode: Any, depth: Any) -> tuple:
    """``IndexLookup.compute_output_shape``: ``one_hot`` replaces a trailing 1 or appends the
    depth; ``multi_hot`` / ``count`` / ``tf_idf`` replace the last axis."""
    if mode == "int":
        return tuple(input_shape)
    input_shape = tuple(input_shape)
    if mode == "one_hot":
        if len(input_shape) > 1 and input_shape[-1] == 1:
            return input_shape[:-1] + (depth,)
        return input_shape + (depth,)
    return input_shape[:-1] + (depth,)


class IndexLookup(LayerRule):
    """``keras.src.layers.preprocessing.index_lookup.IndexLookup``: argument checks and the
    vocabulary size (``set_vocabulary``) of StringLookup / IntegerLookup."""

    vocabulary_dtype_is_integer = False

    def configure(self) -> None:
        self.depth: Any = UNKNOWN
        self.vocab_size: Any = UNKNOWN
        self.check_arguments()

    def check_arguments(self) -> None:
        caller = self.keras_class
        max_tokens, num_oov = self.max_tokens, self.num_oov_indices
        if max_tokens is not None:
            require_number(max_tokens)
            if max_tokens <= 1:
                raise LayerError(f"If set, `max_tokens` must be greater than 1. Received: max_tokens={max_tokens}")
        if self.pad_to_max_tokens and max_tokens is None:
            raise LayerError(
                f"If pad_to_max_tokens is True, must set `max_tokens`. Received: max_tokens={max_tokens}"
            )
        require_number(num_oov, "<")
        if num_oov < 0:
            raise LayerError(
                f"`num_oov_indices` must be greater than or equal to 0. Received: num_oov_indices={num_oov}"
            )
        oov_method = self.args.get("oov_method", "floormod")
        validate_string_arg(oov_method, ("floormod", "farmhash"), caller, "oov_method")
        salt = self.salt
        if salt is not None and salt is not UNKNOWN:
            if self.vocabulary_dtype_is_integer and oov_method != "farmhash":
                raise LayerError(f"`salt` can only be used when `oov_method='farmhash'`. Received: oov_method={oov_method}")
            if not (isinstance(salt, (tuple, list)) and len(salt) == 2 or isinstance(salt, int)):
                raise LayerError(
                    "The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, or a single "
                    f"integer. Received: salt={salt}."
                )
        mode = standardize_output_mode(self)
        if self.invert and mode != "int":
            raise LayerError(f"`output_mode` must be `'int'` when `invert` is true. Received: output_mode={mode}")
        idf_weights = self.idf_weights
        if idf_weights is not None and mode != "tf_idf":
            raise LayerError(
                "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. "
                f"Received: idf_weights={idf_weights} and output_mode={mode}"
            )
        vocabulary = self.vocabulary
        has_vocabulary = self.args.get("has_input_vocabulary", vocabulary is not None)
        if mode == "tf_idf" and has_vocabulary and idf_weights is None:
            raise LayerError(
                "When specifying the `vocabulary` argument, in TF-IDF output mode, the `idf_weights` argument "
                "must also be provided."
            )
        frozen = self.args.get("vocabulary_size")
        if vocabulary is not None:
            size = self.set_vocabulary(vocabulary)
            require_known(frozen, size)
            if frozen is not None and mode != "int" and not self.pad_to_max_tokens and size != frozen:
                raise LayerError(  # _ensure_vocab_size_unchanged
                    f"When using `output_mode={mode}` and `pad_to_max_tokens=False`, the vocabulary size cannot be "
                    f"changed after the layer is called. Old vocab size is {frozen}, new vocab size is {size}"
                )
            frozen = size
        self.vocab_size = frozen
        self.depth = max_tokens if self.pad_to_max_tokens else frozen

    def oov_start(self) -> int:
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def adapt(self) -> None:
        """``layer.adapt(data)``: the vocabulary is learnt from the data, of a size not known here
        (``pad_to_max_tokens`` keeps the depth at ``max_tokens``)."""
        self.adapted = True
        self.vocab_size = UNKNOWN
        if self.pad_to_max_tokens is not True:
            self.depth = UNKNOWN

    def set_vocabulary(self, vocabulary: Any) -> Any:
        """The vocabulary size after ``set_vocabulary(vocabulary)``; UNKNOWN for a file or an
        unresolved vocabulary."""
        if vocabulary is UNKNOWN or isinstance(vocabulary, str):
            return UNKNOWN  # a vocabulary file: its size is not known statically
        if not isinstance(vocabulary, (list, tuple)):
            raise Unresolved("a vocabulary kerascheck cannot read")
        require_known(*vocabulary)
        if any(isinstance(v, (list, tuple, dict)) for v in vocabulary):
            raise Unresolved("a nested vocabulary")
        if not vocabulary:
            raise LayerError(f"Cannot set an empty vocabulary. Received: vocabulary={list(vocabulary)}")
        mask, oov = self.mask_token, self.oov_token
        require_known(mask, oov)
        oov_start = self.oov_start()
        token_start = oov_start + self.num_oov_indices
        special = [mask] * oov_start + [oov] * self.num_oov_indices
        tokens = list(vocabulary)
        if tokens[:token_start] == special:
            tokens = tokens[token_start:]
        repeated = sorted({t for t in tokens if tokens.count(t) > 1}, key=tokens.index)
        if repeated:
            raise LayerError(
                "The passed vocabulary has at least one repeated term. Please uniquify your dataset. The "
                f"repeated terms are: {repeated}"
            )
        if mask is not None and mask in tokens:
            raise LayerError(f"Found reserved mask token at unexpected location in `vocabulary`. "
                             f"Received: mask_token={mask}")
        if oov is not None and self.invert and oov in tokens:
            raise LayerError(f"Found reserved OOV token at unexpected location in `vocabulary`. "
                             f"Received: oov_token={oov}")
        size = token_start + len(tokens)
        max_tokens = self.max_tokens
        if max_tokens is not None and size > max_tokens:
            raise LayerError(
                "Attempted to set a vocabulary larger than the maximum vocab size. Received vocabulary size "
                f"is {size}; `max_tokens` is {max_tokens}."
            )
        idf_weights = self.idf_weights
        if self.output_mode == "tf_idf" and idf_weights is not None:
            require_known(idf_weights)
            if not isinstance(idf_weights, (list, tuple)):
                raise Unresolved("idf_weights")
            if len(vocabulary) != len(idf_weights):
                raise LayerError(
                    "`idf_weights` must be the same length as vocabulary. "
                    f"len(idf_weights) is {len(idf_weights)}; len(vocabulary) is {len(vocabulary)}"
                )
        self.explain_vocabulary = (
            f"vocabulary size = {len(tokens)} tokens + {oov_start} mask + {self.num_oov_indices} OOV = {size}"
        )
        return size

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        mode = self.output_mode
        if mode != "int":
            self.explain_depth()
        output = depth_output_shape(input_shape, mode, self.depth)
        self.explain(f"{self.keras_class} ({mode}): {format_shape(output)}, no weights")
        return output

    def explain_depth(self) -> None:
        if self.pad_to_max_tokens:
            self.explain(f"depth = max_tokens = {format_dim(self.depth)} (pad_to_max_tokens)")
        elif getattr(self, "adapted", False):
            self.explain("depth = the vocabulary size adapt() learns from the data: not known here")
        elif self.vocabulary is None:
            self.explain(f"depth = {format_dim(self.depth)}: no vocabulary given (set by adapt() at run time)")
        elif getattr(self, "explain_vocabulary", None):
            self.explain(f"depth = {self.explain_vocabulary}")


@register("StringLookup")
class StringLookup(IndexLookup):
    """Strings → indices (``int``) or ``vocabulary size``-wide encodings."""

    def check_arguments(self) -> None:
        reject_sparse_on_jax(self.sparse)
        super().check_arguments()


@register("IntegerLookup")
class IntegerLookup(IndexLookup):
    """Integers → indices (``int``) or ``vocabulary size``-wide encodings."""

    vocabulary_dtype_is_integer = True

    def check_arguments(self) -> None:
        max_tokens, num_oov = self.max_tokens, self.num_oov_indices
        if max_tokens is not None:
            require_number(max_tokens)
            if max_tokens <= 1:
                raise LayerError(
                    "If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. "
                    f"Received: max_tokens={max_tokens}"
                )
        require_number(num_oov, "<")
        if num_oov < 0:
            raise LayerError(
                "The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. "
                f"Received: num_oov_indices={num_oov}"
            )
        reject_sparse_on_jax(self.sparse)
        dtype = self.vocabulary_dtype
        if dtype is not UNKNOWN and dtype != "int64":
            raise LayerError(
                f"Only `vocabulary_dtype='int64'` is supported at this time. Received: vocabulary_dtype={dtype}"
            )
        super().check_arguments()


@register("TextVectorization")
class TextVectorization(IndexLookup):
    """Strings → token indices ``(batch, output_sequence_length)`` (``int``; ``None`` without it),
    or ``(…, vocabulary size)`` encodings of the split tokens.  The inner StringLookup has
    ``mask_token=''``: ``int`` mode counts a mask and an OOV index, the others an OOV index."""

    def configure(self) -> None:
        self.depth = UNKNOWN
        caller = "TextVectorization"
        reject_sparse_on_jax(self.sparse)
        if self.ragged is not UNKNOWN and self.ragged:
            raise LayerError("`ragged=True` can only be used with the TensorFlow backend.")
        validate_string_arg(self.standardize, ("lower_and_strip_punctuation", "lower", "strip_punctuation"),
                            caller, "standardize", allow_none=True, allow_callables=True)
        validate_string_arg(self.split, ("whitespace", "character"), caller, "split", allow_none=True,
                            allow_callables=True)
        mode = standardize_output_mode(self)
        ngrams = self.ngrams
        require_known(ngrams)
        if isinstance(ngrams, tuple):
            require_known(*ngrams)
        if not (ngrams is None or isinstance(ngrams, int) or isinstance(ngrams, tuple)
                and all(isinstance(item, int) for item in ngrams)):
            raise LayerError(f"`ngrams` must be None, an integer, or a tuple of integers. Received: ngrams={ngrams}")
        length = self.output_sequence_length
        require_known(mode, length)
        if mode == "int" and not (isinstance(length, int) or length is None):
            raise LayerError(
                "`output_sequence_length` must be either None or an integer when `output_mode` is 'int'. "
                f"Received: output_sequence_length={length}"
            )
        if mode != "int" and length is not None:
            raise LayerError(
                "`output_sequence_length` must not be set if `output_mode` is not 'int'. "
                f"Received output_sequence_length={length}."
            )
        # The StringLookup that TextVectorization builds with these arguments.
        self.args.update(mask_token="", oov_token="[UNK]", num_oov_indices=1, invert=False, salt=None)
        super().check_arguments()

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        mode = self.output_mode
        if mode == "int":
            output = (input_shape[0], self.output_sequence_length)
            self.explain(f"TextVectorization (int): (batch, output_sequence_length) = {format_shape(output)}")
            return output
        require_known(self.split)
        if self.split is None:
            tokens = tuple(input_shape) + (1,) if len(input_shape) <= 1 else tuple(input_shape)
        else:
            tokens = tuple(input_shape) + (None,)
        self.explain_depth()
        output = depth_output_shape(tokens, mode, self.depth)
        self.explain(f"TextVectorization ({mode}): tokens {format_shape(tokens)} → {format_shape(output)}, "
                     "no weights")
        return output


@register("Hashing")
class Hashing(LayerRule):
    """Hashes values into ``num_bins`` bins: ``int`` keeps the shape, the other modes replace the
    last axis with ``num_bins``."""

    def configure(self) -> None:
        mode, bins = self.output_mode, self.num_bins
        if bins is not UNKNOWN:
            if bins is not None:
                require_number(bins)
            if bins is None or bins <= 0:
                raise LayerError(
                    f"The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: num_bins={bins}."
                )
        dtype = self.dtype
        if mode == "int" and dtype is not None and dtype is not UNKNOWN and dtype not in ("int32", "int64"):
            raise LayerError(
                f"When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or 'in64'. Received: dtype={dtype}"
            )
        if mode is not UNKNOWN and mode not in ("int", "one_hot", "multi_hot", "count"):
            raise LayerError(
                "Invalid value for argument `output_mode`. Expected one of ('int', 'one_hot', 'multi_hot', 'count'). "
                f"Received: output_mode={mode}"
            )
        if self.sparse is not UNKNOWN and self.sparse and mode == "int":
            raise LayerError(
                '`sparse` may only be true if `output_mode` is `"one_hot"`, `"multi_hot"`, or `"count"`. '
                f"Received: sparse={self.sparse} and output_mode={mode}"
            )
        salt = self.salt
        if salt is not None and salt is not UNKNOWN and not (
            isinstance(salt, (tuple, list)) and len(salt) == 2 or isinstance(salt, int)
        ):
            raise LayerError(
                "The `salt` argument for `Hashing` can only be a tuple of size 2 integers, or a single integer. "
                f"Received: salt={salt}."
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        if self.output_mode == "int":
            output = tuple(input_shape)
        else:
            output = as_shape(input_shape[:-1]) + (self.num_bins,)
        self.explain(f"Hashing ({self.output_mode}): {format_shape(output)}, no weights")
        return output


@register("HashedCrossing")
class HashedCrossing(LayerRule):
    """Crosses two tensors of equal last axis into ``num_bins`` bins: ``int`` gives the first
    input's shape; ``one_hot`` appends ``num_bins`` (or replaces a trailing 1)."""

    multiple_inputs = True

    def configure(self) -> None:
        reject_sparse_on_jax(self.sparse)
        validate_string_arg(self.output_mode, ("int", "one_hot"), "HashedCrossing", "output_mode")

    def compute_output_shape(self, input_shape: Any) -> tuple:
        if not (isinstance(input_shape, list) and len(input_shape) == 2):
            shape = tuple(input_shape) if isinstance(input_shape, (list, tuple)) else input_shape
            raise LayerError(f"Expected as input a list/tuple of 2 tensors. Received input_shape={shape}", "rank")
        first, second = (tuple(s) for s in input_shape)
        if not first or not second:
            raise LayerError("tuple index out of range", "rank")
        if first[-1] != second[-1]:
            raise LayerError(
                "Expected the two input tensors to have identical shapes. "
                f"Received input_shape={[first, second]}",
                "axis",
            )
        if self.output_mode == "int":
            output = first
        elif first[-1] != 1:
            output = first + (self.num_bins,)
        else:
            output = first[:-1] + (self.num_bins,)
        self.explain(f"HashedCrossing ({self.output_mode}): {format_shape(output)}, no weights")
        return output
