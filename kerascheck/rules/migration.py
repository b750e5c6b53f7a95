"""KC31x: Keras 2 code that Keras 3 rejects (migration).

Every message is the one Keras 3.15.1 was recorded raising on Keras 2's API
(``tests/oracle/record_migration.py``: the modules, names and keywords Keras 2 has and Keras 3
has not, each tried in real Keras 3).  With ``--keras-version 2`` none is reported: the code is
right for Keras 2.  ``kerascheck --select KC3 --fix`` applies the mechanical fixes.
"""

from __future__ import annotations

from kerascheck.rules.base import Rule

_KERAS2 = """

        With `--keras-version 2` it is not reported: the code is right for Keras 2.
"""


class RemovedModule(Rule):
    code = "KC310"
    name = "keras2-module"
    summary = """
        An import of a Keras 2 module that Keras 3 does not have (`keras.layers.core`,
        `keras.layers.merge`, `keras.engine`, `keras.utils.np_utils`, `keras.wrappers.scikit_learn`,
        `tensorflow.keras.layers.experimental`...), or an attribute chain through one.
    """
    why = """
        Keras 3 raises `ModuleNotFoundError` (`ImportError` or `AttributeError` for a module read as an
        attribute) before anything else runs. The fix, where every name imported lives in a parent
        package in Keras 3 under the same name, imports it from there
        (`from keras.layers.core import Dense` → `from keras.layers import Dense`); a module whose
        functions Keras 3 keeps in its parent is imported as that parent
        (`from keras.utils import np_utils` → `from keras import utils as np_utils`) when every
        attribute the file reads of it is there.
    """ + _KERAS2
    invalid = (
        """
        from keras.layers.core import Dense  # KC310

        layer = Dense(10)
        """,
        """
        from keras.utils import np_utils  # KC310

        labels = np_utils.to_categorical([0, 1, 2])
        """,
    )
    valid = (
        """
        from keras.layers import Dense

        layer = Dense(10)
        """,
        """
        from keras import utils as np_utils

        labels = np_utils.to_categorical([0, 1, 2])
        """,
    )


class RemovedName(Rule):
    code = "KC311"
    name = "keras2-name"
    summary = """
        A class, function or constant of a Keras 2 module that the same module of Keras 3 does
        not have: `from keras.layers import Merge`, `keras.layers.CuDNNLSTM`, `K.set_session`,
        `K.image_dim_ordering()`, `keras.optimizers.adam`, `from keras.preprocessing.image import
        ImageDataGenerator`.
    """
    why = """
        Keras 3 raises `ImportError` (`cannot import name ...`) or `AttributeError` (`module ... has
        no attribute ...`). The message gives Keras 3's spelling where it has one; the fix uses it
        where it is the same thing under a parent package or the name Keras 2 aliased
        (`keras.optimizers.adam` → `keras.optimizers.Adam`). `tf.keras` (Keras 3 under TensorFlow
        2.16 and later) keeps more of Keras 2 than `keras` does (`tf.keras.backend.sum`,
        `tf.keras.preprocessing.text`): the two are recorded apart.
    """ + _KERAS2
    invalid = (
        """
        from keras import backend as K

        K.set_image_dim_ordering("th")  # KC311
        """,
        """
        from keras.optimizers import adam  # KC311

        optimizer = adam()
        """,
    )
    valid = (
        """
        from keras import backend as K

        K.set_image_data_format("channels_first")
        """,
        """
        from keras.optimizers import Adam as adam

        optimizer = adam()
        """,
    )


class RemovedArgument(Rule):
    code = "KC312"
    name = "keras2-argument"
    summary = """
        A keyword argument of Keras 2 that Keras 3 rejects: an optimizer's `lr=`, Keras 1's layer
        keywords that Keras 2 still converted (`init=`, `output_dim=`, `border_mode=`, `nb_filter=`,
        `subsample=`, `W_regularizer=`...), `batch_input_shape=` or `weights=` on a layer, a model
        method's `nb_epoch=`, `workers=`, `use_multiprocessing=`; and the arguments Keras 2 took in
        another form: data as a Python list of numbers (`model.predict([6])`, which Keras 2 made an
        array of), one metric as a string (`compile(metrics="mae")`), one list of metrics for a
        model of several outputs (Keras 2 gave it to each; reported where Keras 3 trains it).
    """
    why = """
        Keras 3 raises (`Argument(s) not recognized: {'lr': 0.001}`, `Unrecognized keyword arguments
        passed to Dense: {'init': 'uniform'}`, `fit() got an unexpected keyword argument 'nb_epoch'`).
        The fix renames the keyword where Keras 2 itself read it as another (`lr=` → `learning_rate=`,
        `init=` → `kernel_initializer=`, `nb_epoch=` → `epochs=`; `dim_ordering="th"` →
        `data_format="channels_first"`), and `metrics="mae"` → `metrics=["mae"]`. Keras 3 raises
        `Unrecognized data type: x=[6] (of type <class 'list'>)` for a list display of numbers given
        to `fit`, `evaluate` or `predict` (no fix: `np.array(...)` needs NumPy imported). An
        argument Keras 3 accepts but ignores (an optimizer's `decay=`) is KC302.
    """ + _KERAS2
    engine_kinds = ("keras2_argument",)
    invalid = (
        """
        import keras

        optimizer = keras.optimizers.RMSprop(lr=0.001)  # KC312
        """,
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(8,)),
            layers.Dense(4, init="uniform"),  # KC312
        ])
        """,
        """
        import keras

        model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
        model.compile(loss="mse", optimizer="adam", metrics="mae")  # KC312
        """,
        """
        import keras

        model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
        prediction = model.predict([6])  # KC312
        """,
    )
    valid = (
        """
        import keras

        optimizer = keras.optimizers.RMSprop(learning_rate=0.001)
        """,
        """
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(8,)),
            layers.Dense(4, kernel_initializer="uniform"),
        ])
        """,
        """
        import numpy as np
        import keras

        model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
        model.compile(loss="mse", optimizer="adam", metrics=["mae"])
        prediction = model.predict(np.array([6]))
        """,
    )


class RemovedMethod(Rule):
    code = "KC313"
    name = "keras2-method"
    summary = """
        A method or attribute of Keras 2's models and layers that Keras 3 does not have
        (`fit_generator`, `predict_generator`, `evaluate_generator`, `predict_classes`,
        `predict_proba`, `layer.output_shape`, `get_output_at`...), and `Sequential.input` /
        `.output`, which Keras 3 defines only once the Sequential has been called on a tensor.
    """
    why = """
        Keras 3 raises `AttributeError`. Only attributes of values kerascheck knows to be Keras
        models or layers are checked (`predict_proba` of a scikit-learn estimator is left alone),
        and not those the analysed code's own classes define. The fix calls Keras 3's method:
        `fit_generator(gen, 100, 10, workers=4)` → `fit(gen, steps_per_epoch=100, epochs=10)`
        (Keras 3 has no `workers=`: a `keras.utils.PyDataset` takes it), `predict_classes(x)` →
        `predict(x).argmax(axis=-1)`, or `(predict(x) > 0.5).astype("int32")` for one output unit,
        as Keras 2 computed it.
    """ + _KERAS2
    engine_kinds = ("keras2_method",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
        classes = model.predict_classes(np.zeros((2, 4)))  # KC313
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
        classes = model.predict(np.zeros((2, 4))).argmax(axis=-1)
        """,
    )


class PositionalWeightName(Rule):
    code = "KC314"
    name = "positional-weight-name"
    summary = """
        `self.add_weight("kernel", shape, ...)` in a layer: the weight's name first, as Keras 2's
        `add_weight(name, shape, ...)` took it.
    """
    why = """
        Keras 3's first parameter is `shape`, and it raises: "`name` must be passed as a keyword
        argument". The fix passes the positional arguments by their Keras 2 names
        (`add_weight(name="kernel", shape=shape, ...)`).
    """ + _KERAS2
    invalid = (
        """
        import keras


        class Scale(keras.layers.Layer):
            def build(self, input_shape):
                self.scale = self.add_weight("scale", (input_shape[-1],))  # KC314

            def call(self, inputs):
                return inputs * self.scale


        Scale().build((None, 3))
        """,
    )
    valid = (
        """
        import keras


        class Scale(keras.layers.Layer):
            def build(self, input_shape):
                self.scale = self.add_weight(name="scale", shape=(input_shape[-1],))

            def call(self, inputs):
                return inputs * self.scale


        Scale().build((None, 3))
        """,
    )


class NumpyIntegerArgument(Rule):
    code = "KC315"
    name = "numpy-integer-argument"
    summary = """
        A NumPy integer (`np.prod(shape)`, `np.int64(n)`) where Keras 3 accepts only a Python
        `int`: `Dense(units)`, `Embedding(input_dim, output_dim)`, `kernel_size` and `pool_size`
        given as one number, `GRU` / `SimpleRNN` units, `MultiHeadAttention` sizes, `RepeatVector(n)`.
    """
    why = """
        Keras 3 checks `isinstance(value, int)`, which a NumPy integer fails, and raises (Keras 2
        took one for Dense units, recurrent units and embedding sizes). The fix wraps the value in
        `int(...)`. Which arguments of which classes reject one was recorded by trying a NumPy
        integer in each.
    """ + _KERAS2
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(16,)),
            layers.Dense(np.prod((4, 4))),  # KC315
        ])
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(16,)),
            layers.Dense(int(np.prod((4, 4)))),
        ])
        """,
    )


class Keras2SavePath(Rule):
    code = "KC316"
    name = "keras2-save-path"
    summary = """
        A file Keras 3 will not save to: `model.save_weights("weights.h5")` (Keras 3 wants
        `.weights.h5`), `ModelCheckpoint("weights.{epoch:02d}.hdf5")` (`.keras`, or `.weights.h5`
        with `save_weights_only=True`), `model.save("my_model")` (Keras 2 wrote a SavedModel
        folder; Keras 3 wants `.keras` or `.h5`).
    """
    why = """
        Keras 3 chooses the format by the file name's suffix and raises `ValueError` for one it
        does not write. Which suffixes each call accepts was recorded by saving to each; the name
        is checked where the code writes it (a string, or the end of an f-string). There is no
        automatic fix: the code that reads the file back must change with it.
    """ + _KERAS2
    engine_kinds = ("keras2_save",)
    invalid = (
        """
        import keras

        checkpoint = keras.callbacks.ModelCheckpoint("weights.{epoch:02d}.hdf5")  # KC316
        """,
        """
        import keras

        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
        model.save_weights("weights.h5")  # KC316
        """,
    )
    valid = (
        """
        import keras

        checkpoint = keras.callbacks.ModelCheckpoint("model.{epoch:02d}.keras")
        """,
        """
        import keras

        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
        model.save_weights("model.weights.h5")
        """,
    )


class PositionalKernelSize(Rule):
    code = "KC317"
    name = "keras1-positional-kernel"
    severity = "warning"
    keras_raises = False
    summary = """
        Keras 1's positional kernel size, `Convolution2D(32, 3, 3)` (filters, rows, columns), in a
        file that is Keras 2 code (it has another Keras 2 error) or that calls a Keras 1 name
        (`Convolution2D`, `Convolution3D`...). Standalone Keras 2 gathered the sizes into
        `kernel_size=(3, 3)`; Keras 3 reads them as its own next parameters: `kernel_size=3,
        strides=3`, a different model, built without a word. An error, in any file, where
        Keras 3 raises instead (`Conv3D(8, 3, 3, 3)`: the fourth is its `padding`).
    """
    why = """
        Which layers Keras 2 converted, and how many sizes, is read from its legacy interfaces
        (`keras/legacy/interfaces.py` of Keras 2.0.9-2.3.1); what Keras 3 makes of the same call
        was recorded by building it (`tests/oracle/record_migration.py`). Only the `keras`
        package's layers: `tf.keras` never converted, and its `Conv2D(32, 3, 3)` means
        `strides=3` in Keras 2 too. The fix writes the tuple Keras 2 meant,
        `Convolution2D(32, (3, 3))`; it goes with KC312's renames of the same call
        (`border_mode=` → `padding=`), which alone would keep the strides.
    """ + _KERAS2
    invalid = (
        """
        from keras.layers import Convolution2D

        layer = Convolution2D(32, 3, 3, activation="relu")  # KC317
        """,
    )
    valid = (
        """
        from keras.layers import Convolution2D

        layer = Convolution2D(32, (3, 3), activation="relu")
        """,
        """
        from keras.layers import Conv2D

        layer = Conv2D(64, 3, 2)  # Keras 3 code: strides=2
        """,
    )


MIGRATION_RULES: tuple[type[Rule], ...] = (
    RemovedModule, RemovedName, RemovedArgument, RemovedMethod, PositionalWeightName, NumpyIntegerArgument,
    Keras2SavePath, PositionalKernelSize,
)
