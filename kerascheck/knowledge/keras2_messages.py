"""Keras 2's words for the errors kerascheck proves, from Keras 3's.

The engine words an error as Keras 3 raises it.  Under ``--keras-version 2`` a diagnostic
quotes what tf-keras raises instead, which often differs (``Input 0 of layer "lstm_1"`` for
``Input 0 with name 'None' of layer 'lstm_1'``, ``Got tensors`` for ``Received tensors``).
Each entry below turns one family of Keras 3 messages into Keras 2's wording; every entry is
held by ``tests/test_keras2.py`` to the messages recorded from tf-keras
(``fixtures/layers_keras2``, ``fixtures/**/*.expected_keras2.json``, written by
``tests/oracle/layer_cases_keras2.py`` and ``record_keras2.py``): it must give exactly the
recorded message on each recorded case it matches, and match at least one.  A message no entry
matches is not quoted under Keras 2 (kerascheck does not know tf-keras's words for it).
"""

from __future__ import annotations

import re

# (Keras 3 message, as a full-match pattern; Keras 2's message, with the pattern's groups).
_SAME = r"\g<0>"
TRANSLATIONS: tuple[tuple[str, str], ...] = (
    # InputSpec: Keras 2 names the layer in double quotes and never the input.
    (
        r"Input (\d+)(?: with name '[^']*')? of layer ['\"]([^'\"]*)['\"] is incompatible with the layer: (.*)",
        r'Input \1 of layer "\2" is incompatible with the layer: \3',
    ),
    (r"Cannot merge tensors with different batch sizes\. Received (tensors with shapes .*)", r"Cannot merge tensors with different batch sizes. Got \1"),
    (r"(max_value|negative_slope|threshold) of a ReLU layer cannot be (?:None or )?a negative value\. Received: \w+=(.*)", r"\1 of a ReLU layer cannot be a negative value. Received: \2"),
    (r"(The number of filters must be evenly divisible by the number of groups\. Received: groups=\d+, filters=\d+)\.", r"\1"),
    (r"Could not interpret activation function identifier: (.*)", r"Unknown activation function '\1' cannot be deserialized."),
    (
        r"The `((?!strides`)[^`]+)` argument must be a tuple of (\d+) integers\. Received (?:\1)=(.*), including values (\{.*\}) that do not satisfy `value ([<>=]+ ?-?\d+)`",
        r"The `\1` argument must be a tuple of \2 integers. Received: \3 including \4 that does not satisfy the requirement `\5`.",
    ),
    (r"The `(\w+ entry of padding)` argument must be a tuple of (\d+) integers\. Received \1=(\([^{]*\))", r"The `\1` argument must be a tuple of \2 integers. Received: \3"),
    (r"`padding` should have (two|\d+) elements\. Received: padding=(.*)\.", r"`padding` should have \1 elements. Received: \2."),
    (r"`TimeDistributed` Layer should be passed an `input_shape` (with at least \d+ dimensions, received: .*)", r"`TimeDistributed` Layer should be passed an `input_shape ` \1"),
    (r"Please initialize `TimeDistributed` layer with a `keras\.layers\.Layer` instance\. Received: (.*)", r"Please initialize `TimeDistributed` layer with a `tf.keras.layers.Layer` instance. Received: \1"),
    (r"When setting values directly, both `mean` and `variance` must be set\. Received: mean=(.*) and variance=(.*)", r"When setting values directly, both `mean` and `variance` must be set. Got mean: \1 and variance: \2"),
    # The same words in both versions.
    (r"A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis\. Received: input_shape=.*", _SAME),
    (r"A `Concatenate` layer should be called on a list of at least \d+ inputs?\. Received: input_shape=.*", _SAME),
    (r"Inputs have incompatible shapes\. Received shapes .* and .*", _SAME),
    (r"A merge layer should be called on a list of inputs\. Received: input_shape=.*", _SAME),
    (r"A `Subtract` layer should be called on exactly \d+ inputs\. Received: input_shape=.*", _SAME),
    (r"A `Dot` layer should be called on a list of \d+ inputs\. Received: input_shape=.*", _SAME),
    (r"Incompatible input shapes: axis values .* != .*\. Full input shapes: .*", _SAME),
    (r"Invalid format for argument `axes`: it should contain two elements\. Received: axes=.*", _SAME),
    (r"Invalid type for argument `axes`: it should be a list or an int\. Received: axes=.*", _SAME),
    (r"Invalid permutation argument `dims` for Permute Layer\. .*", _SAME),
    (r"Received an invalid value for argument `units`, expected a positive integer, got .*", _SAME),
    (r"Invalid value for argument `filters`\. Expected a strictly positive value\. Received filters=.*", _SAME),
    (r"`strides > 1` not supported in conjunction with `dilation_rate > 1`\. Received: strides=.* and dilation_rate=.*", _SAME),
    (r"The number of input channels must be evenly divisible by the number of groups\. .*", _SAME),
    (r"Expected an int or a list/tuple of ints for the argument '\w+', but received: .*", _SAME),
    (r"Invalid value for `axis` argument: expected an int or a list/tuple of ints\. Received: axis=.*", _SAME),
    (r"`padding` should have \d+ elements\. Received: \(.*\)\.", _SAME),
)
_COMPILED = tuple((re.compile(pattern, re.S), replacement) for pattern, replacement in TRANSLATIONS)


def keras2_message(keras3_message: str) -> str | None:
    """What tf-keras raises where Keras 3 raises ``keras3_message``, or None when not known."""
    for pattern, replacement in _COMPILED:
        match = pattern.fullmatch(keras3_message)
        if match is not None:
            return match.expand(replacement)
    return None


def translation_index(keras3_message: str) -> int | None:
    """Which entry of :data:`TRANSLATIONS` words ``keras3_message`` (for the tests)."""
    for index, (pattern, _) in enumerate(_COMPILED):
        if pattern.fullmatch(keras3_message):
            return index
    return None
