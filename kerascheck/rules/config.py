"""KC2xx and KC3xx: invalid arguments, Keras 2 API, and model-level lint."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from kerascheck.engine.dims import UNKNOWN, proven_equal
from kerascheck.rules.base import Finding, Rule

if TYPE_CHECKING:
    from kerascheck.config import Settings
    from kerascheck.engine.runtime import Session


class InvalidArgument(Rule):
    code = "KC201"
    name = "invalid-argument"
    summary = """
        A layer or model receives an argument Keras rejects: an unknown padding, data_format
        or activation name, a non-positive `units` or `filters`, a `kernel_size`, `strides` or
        `pool_size` tuple of the wrong length, an axis out of range, or a keyword argument the
        class does not accept.
    """
    why = """
        Keras validates arguments when the layer is constructed or built and raises a
        ValueError; a typo such as `padding="smae"` otherwise only shows up when the script runs.
    """
    engine_kinds = ("config",)
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, padding="smae"),  # KC201
        ])
        """,
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, (3, 3, 3)),  # KC201
        ])
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, padding="same"),
        ])
        """,
    )


class Keras2ModelKeywords(Rule):
    code = "KC301"
    name = "keras2-model-keywords"
    summary = """
        `Model(input=..., output=...)`: the Keras 2 keywords, which Keras 3 rejects.
    """
    why = """
        Keras 3 raises `Unrecognized keyword arguments passed to Model: {'input', 'output'}`.
        The keywords are `inputs=` and `outputs=`. kerascheck still predicts the model's
        summary as the code intends.
    """
    engine_kinds = ("keras2_api",)
    invalid = (
        """
        import keras
        from keras import layers

        image = keras.Input(shape=(32, 32, 3))
        output = layers.Dense(1)(layers.Flatten()(image))
        model = keras.Model(input=image, output=output)  # KC301
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        image = keras.Input(shape=(32, 32, 3))
        output = layers.Dense(1)(layers.Flatten()(image))
        model = keras.Model(inputs=image, outputs=output)
        """,
    )


class DeprecatedArgument(Rule):
    code = "KC302"
    name = "deprecated-argument"
    severity = "warning"
    keras_raises = False
    summary = """
        A Keras 2 argument that Keras 3 still accepts but deprecates, such as
        `Embedding(input_length=...)`, which it ignores, or `LeakyReLU(alpha=...)`.
    """
    why = """
        Keras 3 warns about these arguments at run time. `input_length` no longer does
        anything: the code reads as if it fixed a shape that it does not (give the shape to
        `keras.Input` instead).
    """
    engine_kinds = ("deprecated_argument",)
    invalid = (
        """
        import keras
        from keras import layers

        tokens = keras.Input(shape=(100,), dtype="int32")
        x = layers.Embedding(10000, 64, input_length=100)(tokens)  # KC302
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        tokens = keras.Input(shape=(100,), dtype="int32")
        x = layers.Embedding(10000, 64)(tokens)
        """,
    )


class ParameterHog(Rule):
    code = "KC303"
    name = "parameter-hog"
    severity = "warning"
    keras_raises = False
    summary = """
        One layer holds most of a large model's parameters, typically a Dense layer right
        after Flatten on a big feature map. Thresholds: `param-hog-share` (default 0.9 of the
        model's parameters) and `param-hog-min-params` (default 100,000,000 in the layer).
    """
    why = """
        Such a layer dominates memory and training time and tends to overfit; a global pooling
        layer or more downsampling before the Dense layer usually does better with a fraction
        of the parameters.
    """
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(224, 224, 3)),
            layers.Conv2D(64, 3, padding="same"),
            layers.Flatten(),
            layers.Dense(64),  # KC303
        ])
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(224, 224, 3)),
            layers.Conv2D(64, 3, padding="same"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(64),
        ])
        """,
    )

    def check(self, session: "Session", settings: "Settings") -> Iterable[Finding]:
        from kerascheck.engine.summary import count_params

        for model in session.models:
            if model.speculative or not model.weights_resolved():
                continue
            total = count_params(model.weights)
            if total is UNKNOWN or not total:
                continue
            for layer in model.all_weight_layers():
                if not layer.weights_resolved():
                    continue
                count = count_params(layer.weights)
                if count >= settings.param_hog_min_params and count / total >= settings.param_hog_share:
                    yield Finding(
                        self.code,
                        f"{layer.class_name} {_quoted(layer.name)} holds {count:,} of the "
                        f"{total:,} parameters of model {_quoted(model.name)} ({count / total:.1%})",
                        layer.origin,
                    )


class SoftmaxOnOneUnit(Rule):
    code = "KC304"
    name = "softmax-on-one-unit"
    severity = "warning"
    keras_raises = False
    summary = """
        `softmax` on a layer with a single output unit.
    """
    why = """
        Softmax normalises over the last axis; over one unit it always returns 1.0, so the
        model cannot learn anything. Binary classification wants `sigmoid` on one unit (or
        `softmax` on two).
    """
    invalid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(16,)),
            layers.Dense(1, activation="softmax"),  # KC304
        ])
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(16,)),
            layers.Dense(1, activation="sigmoid"),
        ])
        """,
    )

    def check(self, session: "Session", settings: "Settings") -> Iterable[Finding]:
        for layer in session.layers:
            rule = layer.rule
            if rule is None or layer.speculative or layer.class_name not in ("Dense", "EinsumDense"):
                continue
            if proven_equal(rule.args.get("activation"), "softmax") and proven_equal(rule.args.get("units"), 1):
                yield Finding(
                    self.code,
                    f"{layer.class_name} {_quoted(layer.name)} applies softmax to a single unit: "
                    "its output is always 1.0 (use sigmoid for one unit)",
                    layer.origin,
                )


def _quoted(name: Any) -> str:
    return "?" if name is UNKNOWN else f"'{name}'"


class ModelOverBudget(Rule):
    code = "KC305"
    name = "model-over-budget"
    severity = "error"
    keras_raises = False
    summary = """
        A model has more parameters than its budget in `[tool.kerascheck.max-params]`, a table
        of model variable (or model name) glob patterns to parameter counts, e.g.
        `"encoder*" = 5_000_000`, or `max-params = 1_000_000` for every model.
    """
    why = """
        A CI gate: a model that silently grows (a wider layer, a Dense after Flatten on a larger
        input) fails the run before anyone trains it. Only models whose count kerascheck
        predicts exactly are checked.
    """
    example_config = {"max-params": {"classifier": 100_000}}
    invalid = (
        """
        import keras
        from keras import layers

        classifier = keras.Sequential([  # KC305
            keras.Input(shape=(64, 64, 3)),
            layers.Flatten(),
            layers.Dense(10),
        ])
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        classifier = keras.Sequential([
            keras.Input(shape=(64, 64, 3)),
            layers.GlobalAveragePooling2D(),
            layers.Dense(10),
        ])
        """,
    )

    def check(self, session: "Session", settings: "Settings") -> Iterable[Finding]:
        from fnmatch import fnmatchcase

        from kerascheck.engine.summary import count_params

        if not settings.max_params:
            return
        for model in session.models:
            if model.speculative or not model.reported or not model.weights_resolved():
                continue
            names = [n for n in (model.variable, model.name) if isinstance(n, str)]
            budgets = [b for pattern, b in settings.max_params if any(fnmatchcase(n, pattern) for n in names)]
            total = count_params(model.weights)
            if not budgets or total is UNKNOWN or total <= min(budgets):
                continue
            label = model.variable or model.name
            yield Finding(
                self.code,
                f"model {_quoted(label)} has {total:,} parameters, over its budget of {min(budgets):,} (max-params)",
                model.origin,
            )

