"""KC4xx: training, where the model meets its loss, metrics, optimizer and data."""

from __future__ import annotations

from kerascheck.rules.base import Rule


class UnknownLoss(Rule):
    code = "KC410"
    name = "unknown-loss"
    summary = """
        `compile(loss=...)` names a loss Keras does not know (`"mean_squared_eror"`,
        `"sparse_categorical_crossentropy "`), alone, in a list or in a dict, in a model that is
        then trained or evaluated.
    """
    why = """
        Keras looks the string up (`keras.losses.get`) only when `fit` or `evaluate` first runs,
        and raises `ValueError: Could not interpret loss identifier: ...` there, after the data
        was loaded and the model built. The strings it accepts are recorded from Keras 3 (and
        from Keras 2 for `--keras-version 2`): every name of `keras.losses`, its aliases (`mse`,
        `bce`…), and `compile`'s own shorthands (`crossentropy`, `ce`, in any case). A model
        compiled but never trained raises nothing and is not reported.
    """
    engine_kinds = ("unknown_loss",)
    invalid = (
        """
        import keras
        import numpy as np
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mean_squared_eror")  # KC410
        model.fit(np.zeros((16, 8)), np.zeros((16, 1)), verbose=0)
        """,
    )
    valid = (
        """
        import keras
        import numpy as np
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mean_squared_error")
        model.fit(np.zeros((16, 8)), np.zeros((16, 1)), verbose=0)
        """,
    )


class UnknownMetric(Rule):
    code = "KC411"
    name = "unknown-metric"
    summary = """
        `compile(metrics=[...])` names a metric Keras does not know (`"acuracy"`), in a model that
        is then trained or evaluated.
    """
    why = """
        Keras resolves metric strings (`keras.metrics.get`) when `fit` or `evaluate` first runs
        and raises `ValueError: Could not interpret metric identifier: ...` there. The accepted
        strings are recorded from Keras: every name of `keras.metrics` and `compile`'s
        shorthands `accuracy` and `acc` (any case in Keras 3).
    """
    engine_kinds = ("unknown_metric",)
    invalid = (
        """
        import keras
        import numpy as np
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["acuracy"])  # KC411
        model.fit(np.zeros((16, 8)), np.zeros((16, 3)), verbose=0)
        """,
    )
    valid = (
        """
        import keras
        import numpy as np
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
        model.fit(np.zeros((16, 8)), np.zeros((16, 3)), verbose=0)
        """,
    )


class UnknownOptimizer(Rule):
    code = "KC412"
    name = "unknown-optimizer"
    summary = """
        `compile(optimizer="...")` names an optimizer Keras does not know (`"adm"`).
    """
    why = """
        `compile` looks the string up at once (`keras.optimizers.get`) and raises `ValueError:
        Could not interpret optimizer identifier: ...`. Optimizer names are the lower-case class
        names of `keras.optimizers` (`adam`, `sgd`, `rmsprop`, `adamw`…) in any case, as recorded
        from Keras.
    """
    engine_kinds = ("unknown_optimizer",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adm", loss="mse")  # KC412
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="Adam", loss="mse")
        """,
    )


class UnexpectedCompileArgument(Rule):
    code = "KC413"
    name = "unexpected-compile-argument"
    summary = """
        `compile()` receives a keyword argument it does not take (`optimize=`, `metric=`, Keras 2's
        `sample_weight_mode=` or `target_tensors=` in Keras 3).
    """
    why = """
        Keras 3's `compile` has a fixed signature: Python raises `TypeError: Trainer.compile() got
        an unexpected keyword argument ...`. Its keywords are recorded from Keras 3 (and Keras 2's,
        which also takes a few legacy ones, for `--keras-version 2`).
    """
    engine_kinds = ("compile_keyword",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimize="adam", loss="mse")  # KC413
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        """,
    )


class LossKeysNotOutputs(Rule):
    code = "KC414"
    name = "loss-keys-not-outputs"
    summary = """
        `compile(loss={...})` on a functional model: the dict's keys are not exactly the names of
        the model's outputs (the names of the layers that make them).
    """
    why = """
        When the model is trained, Keras 3 matches the loss dict to the model's `output_names` and
        raises `ValueError: Expected keys [...] in loss dict, but found loss.keys()=[...]` unless
        both sets are equal: a misspelt key, or a key per output missing, fails at the first
        `fit`. Name the output layers (`name="label"`) and use those names.
    """
    engine_kinds = ("loss_keys",)
    invalid = (
        """
        import keras
        import numpy as np
        from keras import layers

        inputs = keras.Input(shape=(8,))
        outputs = layers.Dense(1, name="price")(inputs)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss={"prices": "mse"})  # KC414
        model.fit(np.zeros((16, 8)), np.zeros((16, 1)), verbose=0)
        """,
    )
    valid = (
        """
        import keras
        import numpy as np
        from keras import layers

        inputs = keras.Input(shape=(8,))
        outputs = layers.Dense(1, name="price")(inputs)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss={"price": "mse"})
        model.fit(np.zeros((16, 8)), np.zeros((16, 1)), verbose=0)
        """,
    )


class SoftmaxWithBinaryCrossentropy(Rule):
    code = "KC415"
    name = "softmax-with-binary-crossentropy"
    severity = "warning"
    keras_raises = False
    summary = """
        A model whose single output is a softmax (`Dense(n, activation="softmax")`, a `Softmax`
        layer) compiled with `binary_crossentropy` (not from logits).
    """
    why = """
        Keras trains it without a word, but the two disagree about the problem. Softmax makes the
        classes compete for one unit of probability (exactly one class per sample); binary
        crossentropy scores each output as an independent yes/no (any number of labels per
        sample). With one-hot labels the loss is not the categorical crossentropy softmax is made
        for; with multi-label targets, softmax cannot give two classes a high probability at once.
        In Keras 2, `metrics=["accuracy"]` followed the loss and became binary accuracy over every
        output, about 90% for ten classes while nothing is learnt: the classic "high accuracy, bad
        predictions" question. Use `categorical_crossentropy` (or the sparse one for class ids)
        with softmax, or `sigmoid` outputs with `binary_crossentropy` for multi-label problems.
    """
    engine_kinds = ("softmax_binary_crossentropy",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="binary_crossentropy")  # KC415
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        """,
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(10, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        """,
    )


class CategoricalCrossentropyOnOneUnit(Rule):
    code = "KC416"
    name = "categorical-crossentropy-on-one-unit"
    severity = "warning"
    keras_raises = False
    summary = """
        A model whose single output has one unit (`Dense(1, activation="sigmoid")`) compiled with
        `categorical_crossentropy`.
    """
    why = """
        Keras trains it, only warning at run time (`In loss categorical_crossentropy, expected
        y_pred.shape to be (batch_size, num_classes) with num_classes > 1`, recorded by
        tests/oracle/loss_cases.py). Categorical crossentropy normalises the output over its last
        axis; over one unit that is always 1, so the loss is always 0 and no gradient reaches the
        model: it learns nothing. A binary problem with one unit wants `binary_crossentropy`.
    """
    engine_kinds = ("categorical_one_unit",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")  # KC416
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        """,
    )


class MetricsKeysNotOutputs(Rule):
    code = "KC417"
    name = "metrics-keys-not-outputs"
    summary = """
        `compile(metrics={...})` (or `weighted_metrics`) on a functional model of several outputs:
        a key of the dict is not the name of one of its outputs.
    """
    why = """
        Keras 3 gives a dict of metrics to the outputs it names (some may be left out); a key that
        names none of them makes it match the dict against the outputs' list instead, and `fit` or
        `evaluate` raises `ValueError: Expected an instance of tuple, ... Invalid `metrics``. With
        a single output, Keras applies every metric of the dict to it and raises nothing.
    """
    engine_kinds = ("metric_keys",)
    invalid = (
        """
        import keras
        import numpy as np
        from keras import layers

        inputs = keras.Input(shape=(8,))
        kind = layers.Dense(3, activation="softmax", name="kind")(inputs)
        size = layers.Dense(1, name="size")(inputs)
        model = keras.Model(inputs, [kind, size])
        model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "mse"],
                      metrics={"kinds": ["accuracy"]})  # KC417
        model.evaluate(np.zeros((4, 8)), [np.zeros((4,)), np.zeros((4, 1))], verbose=0)
        """,
    )
    valid = (
        """
        import keras
        import numpy as np
        from keras import layers

        inputs = keras.Input(shape=(8,))
        kind = layers.Dense(3, activation="softmax", name="kind")(inputs)
        size = layers.Dense(1, name="size")(inputs)
        model = keras.Model(inputs, [kind, size])
        model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "mse"],
                      metrics={"kind": ["accuracy"]})
        model.evaluate(np.zeros((4, 8)), [np.zeros((4,)), np.zeros((4, 1))], verbose=0)
        """,
    )
