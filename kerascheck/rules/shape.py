"""KC1xx: shape errors that Keras raises while the model is being built."""

from __future__ import annotations

from kerascheck.rules.base import Rule


class RankMismatch(Rule):
    code = "KC101"
    name = "rank-mismatch"
    summary = """
        A layer receives a tensor with the wrong number of dimensions: an LSTM fed the 2-D
        output of an LSTM without `return_sequences=True`, a Conv2D fed a flat vector or an
        image without its channel axis, a Conv1D fed a 4-D tensor; a model used as a layer
        fed a tensor with more axes than its `Input` (a sequence of vectors into a model on
        vectors).
    """
    why = """
        Keras checks every layer's input rank when the model is built and raises
        `Input 0 of layer "lstm_1" is incompatible with the layer: expected ndim=3, found
        ndim=2`. The traceback points at the model, not at the layer whose input is wrong;
        kerascheck points at the layer call and says where the input came from.
    """
    engine_kinds = ("rank",)
    invalid = (
        """
        import keras

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            keras.layers.LSTM(64),
            keras.layers.LSTM(32),  # KC101
        ])
        """,
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(784,))
        x = layers.Conv2D(32, 3)(inputs)  # KC101
        """,
    )
    valid = (
        """
        import keras

        model = keras.Sequential([
            keras.Input(shape=(20, 8)),
            keras.layers.LSTM(64, return_sequences=True),
            keras.layers.LSTM(32),
        ])
        """,
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(784,))
        x = layers.Reshape((28, 28, 1))(inputs)
        x = layers.Conv2D(32, 3)(x)
        """,
    )


class MergeMismatch(Rule):
    code = "KC102"
    name = "merge-mismatch"
    summary = """
        The inputs of a merging layer (Concatenate, Add, Subtract, Multiply, Average, Maximum,
        Minimum, Dot) have shapes that Keras cannot combine: different sizes on an axis other
        than the concatenation axis, or element-wise inputs that do not broadcast.
    """
    why = """
        Keras raises when the merge layer is called. The shapes involved usually come from
        different branches of the model, so the traceback alone rarely says which branch
        is off.
    """
    engine_kinds = ("merge",)
    invalid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(32, 32, 16))
        b = keras.Input(shape=(16, 16, 16))
        merged = layers.Concatenate()([a, b])  # KC102
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(32, 32, 16))
        b = keras.Input(shape=(16, 16, 16))
        merged = layers.Concatenate()([layers.MaxPooling2D(2)(a), b])
        """,
    )


class NonPositiveDimension(Rule):
    code = "KC103"
    name = "non-positive-dimension"
    summary = """
        A convolution, pooling or cropping layer would produce an output dimension of zero or
        less: a kernel or pool larger than its input, too many poolings for the image size,
        cropping more than the input has.
    """
    why = """
        Keras raises `Computed output size would be zero or negative` (or a similar error)
        when the layer is built; which layer shrank the input too far is rarely obvious from
        the traceback.
    """
    engine_kinds = ("nonpositive",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(8, 8, 3)),
            layers.Conv2D(16, 3),
            layers.Conv2D(16, 7),  # KC103
        ])
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(8, 8, 3)),
            layers.Conv2D(16, 3),
            layers.Conv2D(16, 3),
        ])
        """,
    )


class ReshapeMismatch(Rule):
    code = "KC104"
    name = "reshape-mismatch"
    summary = """
        A Reshape whose target size differs from its input size, or a Permute with an invalid
        permutation.
    """
    why = """
        The total number of elements must be preserved; Keras raises when the layer is called.
    """
    engine_kinds = ("reshape",)
    invalid = (
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(784,))
        x = layers.Reshape((28, 27, 1))(inputs)  # KC104
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(784,))
        x = layers.Reshape((28, 28, 1))(inputs)
        """,
    )


class UndefinedDimension(Rule):
    code = "KC105"
    name = "undefined-dimension"
    summary = """
        A layer whose weights depend on the last input dimension (Dense, convolutions,
        normalization) receives a tensor whose last dimension is `None`.
    """
    why = """
        Weights need a fixed size. Keras raises when it builds the layer: a common cause is
        a Flatten or Reshape after a layer whose spatial dimensions are dynamic.
    """
    engine_kinds = ("undefined_dim",)
    invalid = (
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(None, None, 3))
        x = layers.Flatten()(inputs)
        x = layers.Dense(10)(x)  # KC105
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        inputs = keras.Input(shape=(None, None, 3))
        x = layers.GlobalAveragePooling2D()(inputs)
        x = layers.Dense(10)(x)
        """,
    )


class GraphDisconnected(Rule):
    code = "KC106"
    name = "graph-disconnected"
    summary = """
        `Model(inputs, outputs)` whose outputs depend on an input that is not among `inputs`.
    """
    why = """
        Keras raises `Graph disconnected: cannot find parent for tensor …`. An input that is
        given but unused is accepted by Keras 3 and is not reported.
    """
    engine_kinds = ("graph",)
    invalid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(8,))
        b = keras.Input(shape=(8,))
        out = layers.Dense(1)(layers.Concatenate()([a, b]))
        model = keras.Model(inputs=a, outputs=out)  # KC106
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(8,))
        b = keras.Input(shape=(8,))
        out = layers.Dense(1)(layers.Concatenate()([a, b]))
        model = keras.Model(inputs=[a, b], outputs=out)
        """,
    )


class IncompatibleInputDimension(Rule):
    code = "KC107"
    name = "incompatible-input-dimension"
    summary = """
        A layer that is already built (a shared layer, or a layer called a second time) is
        called on a tensor whose size on a weight axis differs from the first call; a model
        used as a layer is called on a tensor whose sizes differ from its `Input`'s.
    """
    why = """
        A layer's weights are created for the first input it sees; Keras raises `expected
        axis -1 of input shape to have value …` when a later input does not fit them. A model's
        inputs are fixed by its `Input` layers: Keras raises `expected shape=(None, 32), found
        shape=(None, 16)` (sizes of None, and a last axis of size 1 more or less, pass).
    """
    engine_kinds = ("axis",)
    invalid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(16,))
        b = keras.Input(shape=(32,))
        shared = layers.Dense(8)
        x = shared(a)
        y = shared(b)  # KC107
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        a = keras.Input(shape=(16,))
        b = keras.Input(shape=(16,))
        shared = layers.Dense(8)
        x = shared(a)
        y = shared(b)
        """,
    )
