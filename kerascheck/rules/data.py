"""KC4xx: errors Keras raises when data meets a model (``fit``, ``evaluate``, ``predict``, the
``*_on_batch`` methods). KC401-KC409 compare the data with the model's inputs and outputs;
KC410 and above are the losses and ``compile``'s."""

from __future__ import annotations

from kerascheck.rules.base import Rule


class DataShapeMismatch(Rule):
    code = "KC401"
    name = "data-shape-mismatch"
    summary = """
        An array given to `fit`, `evaluate`, `predict`, `train_on_batch`, `test_on_batch` or
        `predict_on_batch` (as `x`, or in `validation_data`, or as the first part of each
        element of a dataset) cannot enter the model input it goes to: images without their
        channel axis into a model on RGB images, 28×28 images into a model on vectors of 784,
        a model whose `input_shape=X.shape` counts the samples as an axis (also when `X` is read
        from a file and its sizes are not known: `X` itself then has one axis fewer than the
        model's input), an unbatched dataset; in a Sequential, data whose last axis (after the
        layers before it) is not the one a Dense, convolution, normalization or recurrent layer
        was built for (ten feature columns for `Dense(16, input_dim=8)`), or steps fewer than a
        convolution's window (rows reshaped to one step each); a Python list of single
        samples (images a loop appended to a list) given as they are to a model of one input.
    """
    why = """
        Keras checks each batch against the model's `Input` shapes when it runs the model:
        `Input 0 with name 'input_layer' of layer 'functional' is incompatible with the layer:
        expected shape=(None, 784), found shape=(32, 28, 28)`, or, where the ranks differ by
        more than the size-1 last axis that Keras adds or removes by itself, `Invalid input
        shape for input … Expected shape (None, 28, 28, 3), but input has incompatible shape
        (32, 28, 28)`. The error comes after compilation, at the first batch; kerascheck
        reports it at the `fit(...)` call and says where the data's shape was made (the
        `load_data()`, the `reshape`, the `np.zeros`). A size-1 last axis that Keras adds or
        squeezes itself (grayscale images of shape `(n, 28, 28)` into `Input((28, 28, 1))`) is
        no error. A Sequential checks no input spec, only the rank: the batch runs through its
        layers, and the first one whose weights fix the size of its input's last axis raises
        (`expected axis -1 of input shape to have value 8, but received input with shape (32,
        10)`); layers that accept any size there (an `Embedding` on longer sequences) raise
        nothing, but a `Conv1D`, `Conv2D` or `Conv3D` whose window (with `padding="valid"`) is
        larger than the steps or pixels reaching it raises `The convolution operation resulted
        in an empty output`. `input_shape=X.shape` with `X` read from a file is an error
        whatever `X`'s sizes are when `X` itself is given: the model takes batches of arrays
        like `X`, one axis more than `X` has (only an array of one number, each of its sizes 1,
        would fit the size-1 axis Keras adds). A Python list is one array per input to Keras: a
        list of images given to a model of one input gives it the first image, whose rows Keras
        takes as the samples; however many images the list holds (a loop over a folder fills
        it), that raises (with several, the model also gets inputs it does not have).
    """
    engine_kinds = ("data-shape",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((64, 28, 28), dtype="float32")
        y = np.zeros((64,), dtype="int32")
        model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x, y, epochs=1, verbose=0)  # KC401
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        X = np.zeros((64, 20), dtype="float32")
        y = np.zeros((64, 1), dtype="float32")
        model = keras.Sequential([keras.Input(shape=X.shape), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)  # KC401
        """,
        """
        import keras
        from keras import layers

        inputs = keras.Input((3,))
        model = keras.Model(inputs, layers.Dense(2)(inputs))
        print(model.predict_on_batch([[1, 2, 3], [3, 4, 8]]))  # KC401
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        rows = np.zeros((20, 8), dtype="float32")
        y = np.zeros((20, 1), dtype="float32")
        model = keras.Sequential([keras.Input(shape=(20, 8)), layers.Conv1D(4, 5), layers.Flatten(), layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.fit(rows.reshape(20, 1, 8), y, batch_size=4, epochs=1, verbose=0)  # KC401
        """,
        """
        import os
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Flatten(), layers.Dense(2)])
        batch = []
        for _ in range(int(os.environ.get("IMAGES", "3"))):  # a count read at run time
            batch.append(np.zeros((32, 32, 3), dtype="float32"))
        predictions = model.predict(batch, verbose=0)  # KC401
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((64, 28, 28), dtype="float32")
        y = np.zeros((64,), dtype="int32")
        model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x.reshape(-1, 784), y, epochs=1, verbose=0)
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        X = np.zeros((64, 20), dtype="float32")
        y = np.zeros((64, 1), dtype="float32")
        model = keras.Sequential([keras.Input(shape=X.shape[1:]), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """,
        """
        import os
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Flatten(), layers.Dense(2)])
        batch = []
        for _ in range(int(os.environ.get("IMAGES", "3"))):  # a count read at run time
            batch.append(np.zeros((32, 32, 3), dtype="float32"))
        predictions = model.predict(np.array(batch), verbose=0)  # stacked: (images, 32, 32, 3)
        """,
    )


class DataCardinality(Rule):
    code = "KC402"
    name = "data-cardinality"
    summary = """
        The arrays given together to `fit`, `evaluate`, `train_on_batch` or `test_on_batch` (the
        inputs, the targets, the sample weights, or those of `validation_data`) do not all have
        the same number of samples.
    """
    why = """
        Keras pairs the i-th sample of every array and raises `Data cardinality is ambiguous.
        Make sure all arrays contain the same number of samples.` before training starts. It
        usually means the targets were sliced, filtered or loaded apart from the inputs (or the
        training inputs paired with the test labels). With `validation_split`, Keras splits each
        array by the fraction before comparing them, and raises nothing here.
    """
    engine_kinds = ("data-cardinality",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((100, 8), dtype="float32")
        y = np.zeros((80, 1), dtype="float32")
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=1, verbose=0)  # KC402
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((100, 8), dtype="float32")
        y = np.zeros((100, 1), dtype="float32")
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=1, verbose=0)
        """,
    )


class DataInputCount(Rule):
    code = "KC403"
    name = "data-input-count"
    summary = """
        `x` holds a different number of arrays than the model has inputs: one array for a model
        of two inputs, a list of two arrays for a model of one; or `x` is a dict of arrays
        that lacks the name of one of the model's inputs.
    """
    why = """
        Keras matches the arrays of a list to the model's inputs in order and raises `Layer
        "functional" expects 2 named input(s) with keys [...], but it received 1 input
        tensors.` when their numbers differ. A dict is matched by the inputs' names (the
        `name=` of each `keras.Input`): `Missing data for input "income". You passed a data
        dictionary with keys ['age', 'salary']`.
    """
    engine_kinds = ("data-inputs",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        a = keras.Input(shape=(3,))
        b = keras.Input(shape=(4,))
        model = keras.Model([a, b], layers.Dense(1)(layers.concatenate([a, b])))
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((10, 3)), np.zeros((10, 1)), epochs=1, verbose=0)  # KC403
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        a = keras.Input(shape=(3,))
        b = keras.Input(shape=(4,))
        model = keras.Model([a, b], layers.Dense(1)(layers.concatenate([a, b])))
        model.compile(optimizer="adam", loss="mse")
        model.fit([np.zeros((10, 3)), np.zeros((10, 4))], np.zeros((10, 1)), epochs=1, verbose=0)
        """,
    )


class DatasetArguments(Rule):
    code = "KC404"
    name = "dataset-with-targets"
    summary = """
        A `tf.data.Dataset` (or a dataset of `image_dataset_from_directory`…) is given to `fit`
        together with `y`, or with `validation_split`.
    """
    why = """
        A dataset carries its own targets, and Keras cannot split it: it raises `When providing
        `x` as a tf.data.Dataset, `y` should not be passed.` and `Argument `validation_split` is
        only supported for tensors or NumPy arrays.` Put the targets in the dataset
        (`from_tensor_slices((x, y))`), and split it yourself (`take` / `skip`,
        `keras.utils.split_dataset`) or pass `validation_data=`.
    """
    engine_kinds = ("data-dataset",)
    invalid = (
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.zeros((100, 8), dtype="float32")
        y = np.zeros((100, 1), dtype="float32")
        dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(16)
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(dataset, validation_split=0.2, epochs=1, verbose=0)  # KC404
        """,
    )
    valid = (
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.zeros((100, 8), dtype="float32")
        y = np.zeros((100, 1), dtype="float32")
        dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(16)
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(dataset.skip(2), validation_data=dataset.take(2), epochs=1, verbose=0)
        """,
    )


class TargetStructure(Rule):
    code = "KC405"
    name = "target-structure"
    summary = """
        `y` does not have the structure of the model's outputs: one array for a model with two
        outputs, or a list with a different number of arrays; or no targets at all (no `y`, a
        dataset of inputs only, `validation_data=(x_val,)`) for a model compiled with a loss.
    """
    why = """
        Keras pairs each target with an output to compute the loss, and raises `y_true and
        y_pred have different structures.` when they cannot be paired (with one loss for all
        outputs, `The path: (0,) in the loss argument, can't be found`). `train_on_batch` and
        `test_on_batch` take `y` as it is: a Python list of 32 labels (`[1] * batch_size`) is 32
        targets to them, for a model of one output. Without targets, the loss gets None for
        them and fails to convert it (`None is not a valid value for jnp.array` on JAX): give
        `y`, or make the dataset yield `(inputs, targets)` pairs (an autoencoder's are
        `(x, x)`).
    """
    engine_kinds = ("data-targets",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        inputs = keras.Input(shape=(3,))
        model = keras.Model(inputs, [layers.Dense(1)(inputs), layers.Dense(2)(inputs)])
        model.compile(optimizer="adam", loss=["mse", "mse"])
        model.fit(np.zeros((10, 3)), np.zeros((10, 1)), epochs=1, verbose=0)  # KC405
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.train_on_batch(np.zeros((16, 3)), [1] * 16)  # KC405
        """,
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(64, 8).astype("float32")
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4), layers.Dense(8)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, epochs=1, verbose=0)  # KC405
        """,
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(64, 8).astype("float32")
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4), layers.Dense(8)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(tf.data.Dataset.from_tensor_slices(x).batch(16), epochs=1, verbose=0)  # KC405
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.random.rand(64, 8), np.random.randint(0, 2, 64)
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(x, y, epochs=1, validation_data=(x[:16],), verbose=0)  # KC405
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        inputs = keras.Input(shape=(3,))
        model = keras.Model(inputs, [layers.Dense(1)(inputs), layers.Dense(2)(inputs)])
        model.compile(optimizer="adam", loss=["mse", "mse"])
        model.fit(np.zeros((10, 3)), [np.zeros((10, 1)), np.zeros((10, 2))], epochs=1, verbose=0)
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.train_on_batch(np.zeros((16, 3)), np.array([1] * 16))
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.train_on_batch(np.zeros((32, 4)), [1.0])  # one target for the one output
        model.train_on_batch(np.zeros((32, 4)), 1)
        """,
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(64, 8).astype("float32")
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4), layers.Dense(8)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, x, epochs=1, verbose=0)
        model.fit(tf.data.Dataset.from_tensor_slices((x, x)).batch(16), epochs=1, verbose=0)
        model.predict(x, verbose=0)
        """,
    )


class PythonValuesAsData(Rule):
    code = "KC407"
    name = "python-values-as-data"
    summary = """
        `fit`, `evaluate` or `predict` is given Python numbers or strings where Keras 3 takes
        arrays: a list of labels (`y=[0, 1, 1, 0]`, `y=[1] * n`), a list of rows of numbers as
        `x`, a list of sample weights.
    """
    why = """
        Keras 3 slices arrays only (NumPy arrays, tensors, pandas tables): a Python list is a
        structure of arrays to it, one per model input or output, and a number in it is no
        array. No data adapter takes it, and Keras raises `Unrecognized data type: x=… (of type
        …)` (with `validation_split`, first `Argument validation_split is only supported for
        tensors or NumPy arrays`). Keras 2 converted such lists with `np.asarray` itself; in
        Keras 3, convert them: `np.array(labels)`. The `*_on_batch` methods take the values as
        they are, and are checked by KC405.
    """
    engine_kinds = ("data-python-values",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((64, 8), dtype="float32")
        labels = [0, 1] * 32
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(x, labels, epochs=1, verbose=0)  # KC407
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((64, 8), dtype="float32")
        labels = [0, 1] * 32
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(x, labels, validation_split=0.25, epochs=1, verbose=0)  # KC407
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((32, 4), dtype="float32")
        model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.fit(x, np.zeros(32), sample_weight=[0.5] * 32, epochs=1, verbose=0)  # KC407
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((64, 8), dtype="float32")
        labels = [0, 1] * 32
        model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(x, np.array(labels), validation_split=0.25, epochs=1, verbose=0)
        """,
    )


class ValidationSplitTooSmall(Rule):
    code = "KC408"
    name = "validation-split-leaves-no-sample"
    summary = """
        `fit(validation_split=...)` on so few samples that the split leaves none for training or
        none for validation: one sample (often a whole series given as one sample, a transposed
        array), or a fraction that rounds a part away.
    """
    why = """
        Keras keeps the first `floor(n * (1 - validation_split))` samples for training and the
        rest for validation, and raises `Training data contains 1 samples, which is not
        sufficient to split it into a validation and training set as specified by
        validation_split=0.2` when either part would be empty. A single sample usually means the
        data's axes are swapped (`(1, 49)` for 49 samples of one value: `x.T` or
        `x.reshape(-1, 1)`).
    """
    engine_kinds = ("data-split",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        series = np.random.random((1, 49))  # 49 values as one sample
        targets = np.random.random((1, 1))
        model = keras.Sequential([keras.Input(shape=(49,)), layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.fit(series, targets, epochs=1, validation_split=0.2, verbose=0)  # KC408
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        series = np.random.random((49, 1))  # 49 samples of one value
        targets = np.random.random((49, 1))
        model = keras.Sequential([keras.Input(shape=(1,)), layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.fit(series, targets, epochs=1, validation_split=0.2, verbose=0)
        """,
    )


class StatefulBatchSize(Rule):
    code = "KC424"
    name = "stateful-rnn-batch-size"
    summary = """
        `fit`, `evaluate` or `predict` cut the data into batches of another size than the one a
        stateful recurrent layer (`LSTM(..., stateful=True)`, `GRU`, `SimpleRNN`, `ConvLSTM*`)
        was built for: most often a model trained with `batch_size=64` and evaluated or
        predicted with the default of 32.
    """
    why = """
        A stateful recurrent layer keeps one state per row of the batch it was built for (the
        batch size of `keras.Input(batch_shape=...)`), carried from batch to batch. Keras
        raises for a batch of any other size: `If an RNN is stateful, the batch size of the
        input sequences must be the same as the batch size of the initial state. - Expected
        batch size: 64 - Received batch size: 32`. `fit`, `evaluate` and `predict` make batches
        of `batch_size` rows, 32 when it is not given, so a smaller `batch_size` than the
        layer's always raises; a larger one raises where the number of samples is known not to
        be the layer's batch size. Pass the layer's batch size to every call (and give them a
        number of samples that is a multiple of it).
    """
    engine_kinds = ("data-stateful-batch",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((128, 10, 4), dtype="float32")
        y = np.zeros((128, 1), dtype="float32")
        model = keras.Sequential([
            keras.Input(batch_shape=(64, 10, 4)),
            layers.LSTM(8, stateful=True),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, batch_size=64, epochs=1, verbose=0)
        score = model.evaluate(x, y, verbose=0)  # KC424
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((128, 10, 4), dtype="float32")
        y = np.zeros((128, 1), dtype="float32")
        model = keras.Sequential([
            keras.Input(batch_shape=(64, 10, 4)),
            layers.LSTM(8, stateful=True),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, batch_size=64, epochs=1, verbose=0)
        score = model.evaluate(x, y, batch_size=64, verbose=0)
        predictions = model.predict(x, batch_size=64, verbose=0)
        """,
    )


class ImageGeneratorRank(Rule):
    code = "KC419"
    name = "image-generator-rank"
    summary = """
        `ImageDataGenerator.flow(x)` or `ImageDataGenerator.fit(x)` given images that are not of
        rank 4 (samples, rows, columns, channels): MNIST's `(60000, 28, 28)` without its channel
        axis, or images flattened to vectors.
    """
    why = """
        The generator works on batches of images with a channel axis and refuses anything else
        where it is given them: `Input data in NumpyArrayIterator should have rank 4. You passed
        an array with shape (60000, 28, 28)` from `flow()`, `Input to .fit() should have rank 4`
        from `fit()`. Grayscale images need their channel axis of 1: `x[..., None]` or
        `x.reshape(-1, 28, 28, 1)`.
    """
    engine_kinds = ("data-image-rank",)
    invalid = (
        """
        import keras
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        datagen = ImageDataGenerator(rotation_range=10)
        batches = datagen.flow(x_train, y_train, batch_size=32)  # KC419
        """,
        """
        import numpy as np
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        images = np.zeros((16, 784), dtype="float32")
        datagen = ImageDataGenerator(featurewise_center=True)
        datagen.fit(images)  # KC419
        """,
    )
    valid = (
        """
        import keras
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        datagen = ImageDataGenerator(rotation_range=10)
        batches = datagen.flow(x_train[..., None], y_train, batch_size=32)
        """,
        """
        import numpy as np
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        images = np.zeros((16, 28, 28, 1), dtype="float32")
        datagen = ImageDataGenerator(featurewise_center=True)
        datagen.fit(images)
        """,
    )


class NonNumericData(Rule):
    code = "KC420"
    name = "non-numeric-data"
    summary = """
        An array of strings (`np.array(["cat", "dog", ...])`) or of Python objects
        (`dtype=object`) given to `fit`, `evaluate`, `predict` or the `*_on_batch` methods: class
        names used as labels without being encoded, raw text as a NumPy array, even into a
        model that starts with `TextVectorization`.
    """
    why = """
        Keras converts every array it is given to a tensor of numbers before any layer sees it,
        and refuses other dtypes: `Invalid dtype: str96` (NumPy's `<U3`, 32 bits a character) or
        `Invalid dtype: object` from `fit`, `evaluate` and `predict`; the `*_on_batch` methods
        raise the backend's own error (`Dtype <U3 is not a valid JAX array type`). Labels need
        to become class ids (`sklearn.preprocessing.LabelEncoder`, `keras.layers.StringLookup`,
        a dict). Text as a NumPy array is refused too, whatever the model's first layer is
        (Keras 3.15.1, under JAX and TensorFlow alike): vectorize it before `fit`
        (`vectorizer(texts)`), or give it as a `tf.data.Dataset`. kerascheck reports it only for
        arrays whose dtype it knows, such as arrays of string literals; a column read from a
        file may hold numbers.
    """
    engine_kinds = ("data-dtype",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.random.rand(6, 4)
        y = np.array(["cat", "dog", "cat", "dog", "cat", "dog"])
        model = keras.Sequential([keras.Input((4,)), layers.Dense(1, activation="sigmoid")])
        model.compile(loss="binary_crossentropy", optimizer="adam")
        model.fit(x, y, epochs=1, verbose=0)  # KC420
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.random.rand(4, 3)
        y = np.array(["yes", "no", "no", "yes"], dtype=object)
        model = keras.Sequential([keras.Input((3,)), layers.Dense(1, activation="sigmoid")])
        model.compile(loss="binary_crossentropy", optimizer="adam")
        model.train_on_batch(x, y)  # KC420
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        texts = np.array(["good movie", "bad movie", "great", "awful"] * 4)
        labels = np.array([1, 0, 1, 0] * 4)
        vectorizer = layers.TextVectorization(max_tokens=50, output_sequence_length=5)
        vectorizer.adapt(texts)
        model = keras.Sequential([keras.Input((1,), dtype="string"), vectorizer, layers.Embedding(50, 4),
                                  layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(texts, labels, epochs=1, verbose=0)  # KC420
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.random.rand(6, 4)
        names = np.array(["cat", "dog", "cat", "dog", "cat", "dog"])
        y = (names == "dog").astype("float32")
        model = keras.Sequential([keras.Input((4,)), layers.Dense(1, activation="sigmoid")])
        model.compile(loss="binary_crossentropy", optimizer="adam")
        model.fit(x, y, epochs=1, verbose=0)
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        texts = np.array(["good movie", "bad movie", "great", "awful"] * 4)
        labels = np.array([1, 0, 1, 0] * 4)
        vectorizer = layers.TextVectorization(max_tokens=50, output_sequence_length=5)
        vectorizer.adapt(texts)
        model = keras.Sequential([keras.Input((5,)), layers.Embedding(50, 4), layers.GlobalAveragePooling1D(),
                                  layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(vectorizer(texts), labels, epochs=1, verbose=0)
        """,
    )


class LabelsBeyondOutputs(Rule):
    code = "KC418"
    name = "labels-beyond-outputs"
    severity = "warning"
    keras_raises = False  # the point: Keras trains on them
    summary = """
        Class ids given to `sparse_categorical_crossentropy` go beyond the output's units: the
        ten digits of MNIST (labels 0 to 9) for a `Dense(5)`, where both are known.
    """
    why = """
        Keras 3 raises nothing: the sparse crossentropy takes the log-probability at each label's
        index, and an index past the last unit reads no unit of the output (under JAX, an
        out-of-range gather), so the model trains on a loss that is not the one meant and its
        accuracy stays at chance. The output needs a unit per class: `Dense(10)` for ten
        classes, or labels remapped to `0..n-1`. Keras only errs where the labels are one-hot
        (KC406); this is the same mistake with class ids, which it accepts.
    """
    engine_kinds = ("data-label-range",)
    invalid = (
        """
        import keras
        from keras import layers

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        model = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(5, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x_train, y_train, epochs=1, batch_size=6000, verbose=0)  # KC418
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        model = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(x_train, y_train, epochs=1, batch_size=6000, verbose=0)
        """,
    )


class ClassWeightMisused(Rule):
    code = "KC409"
    name = "class-weight-misused"
    summary = """
        `fit(class_weight=...)` where Keras cannot apply it: together with `sample_weight`, for
        a model of several outputs, or with targets of three or more axes (a label per timestep);
        with a dataset, keyed by anything but class ids (the names of outputs).
    """
    why = """
        Keras turns `class_weight` into one weight per sample, from each sample's class id (the
        argmax of a one-hot row, or the id itself). It refuses `sample_weight` beside it (`You
        cannot class_weight and sample_weight at the same time`) and several outputs (`class_weight
        is only supported for Models with a single output`); and targets of three or more axes
        leave an array of ids per sample, which it fails to read as one (`TypeError: only
        0-dimensional arrays can be converted to Python scalars`). For labels per timestep, weigh
        them with a `sample_weight` of the targets' shape without their last axis. With a
        `tf.data.Dataset`, Keras first makes a table of `max(class_weight) + 1` weights: keys
        that are names (one dict per output, keyed by the outputs' names) fail there (`TypeError:
        can only concatenate str (not "int") to str`); class weights are for one output only.
    """
    engine_kinds = ("data-class-weight",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.random.randn(10, 10, 1)
        y = np.zeros((10, 10, 3))
        model = keras.Sequential([keras.Input((None, 1)), layers.LSTM(3, return_sequences=True)])
        model.compile(loss="categorical_crossentropy", optimizer="sgd")
        model.fit(x, y, epochs=1, class_weight={0: 0.0, 1: 10.0, 2: 5.0}, verbose=0)  # KC409
        """,
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(100, 10).astype("float32")
        y = np.eye(2, dtype="float32")[np.random.randint(0, 2, 100)]
        model = keras.Sequential([keras.Input((10,)), layers.Dense(2, activation="softmax", name="label")])
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        batches = tf.data.Dataset.from_tensor_slices((x, y)).batch(32)
        model.fit(batches, epochs=1, class_weight={"label": {0: 1.0, 1: 10.0}}, verbose=0)  # KC409
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((30, 4))
        y = keras.utils.to_categorical(np.arange(30) % 3, 3)
        model = keras.Sequential([keras.Input((4,)), layers.Dense(3, activation="softmax")])
        model.compile(loss="categorical_crossentropy", optimizer="sgd")
        model.fit(x, y, class_weight={0: 1.0, 1: 2.0, 2: 1.0}, sample_weight=np.ones(30), verbose=0)  # KC409
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        inputs = keras.Input((4,))
        model = keras.Model(inputs, [layers.Dense(1)(inputs), layers.Dense(1)(inputs)])
        model.compile(loss="mse", optimizer="sgd")
        model.fit(np.zeros((8, 4)), [np.zeros((8, 1)), np.zeros((8, 1))], class_weight={0: 1.0}, verbose=0)  # KC409
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.random.randn(10, 10, 1)
        y = np.zeros((10, 3))
        model = keras.Sequential([keras.Input((None, 1)), layers.LSTM(3)])
        model.compile(loss="categorical_crossentropy", optimizer="sgd")
        model.fit(x, y, epochs=1, class_weight={0: 0.0, 1: 10.0, 2: 5.0}, verbose=0)
        """,
        """
        import numpy as np
        import tensorflow as tf
        import keras
        from keras import layers

        x = np.random.rand(100, 10).astype("float32")
        y = np.eye(2, dtype="float32")[np.random.randint(0, 2, 100)]
        model = keras.Sequential([keras.Input((10,)), layers.Dense(2, activation="softmax", name="label")])
        model.compile(loss="categorical_crossentropy", optimizer="adam")
        batches = tf.data.Dataset.from_tensor_slices((x, y)).batch(32)
        model.fit(batches, epochs=1, class_weight={0: 1.0, 1: 10.0}, verbose=0)
        """,
    )


class LossTargetMismatch(Rule):
    code = "KC406"
    name = "loss-target-mismatch"
    summary = """
        The loss the model was compiled with cannot compare the targets given to `fit`,
        `evaluate`, `train_on_batch` or `test_on_batch` with the model's output: integer class
        ids given to `categorical_crossentropy`, one-hot targets of ten classes for an output
        of five units, an autoencoder whose output does not have the shape of its target.
    """
    why = """
        Keras builds the loss on the first batch of targets and predictions and raises when
        their shapes cannot be compared (`Arguments target and output must have the same
        shape. Received: target.shape=(32,), output.shape=(32, 10)`, or a broadcasting error
        from the backend). What each built-in loss accepts (with the size-1 axis Keras adds or
        squeezes to bring the targets to the output's rank) is a rule recorded from Keras
        3.15.1 on more than 800 `fit` calls (`tests/oracle/loss_cases.py`); kerascheck reports
        only where that rule proves an error on shapes it knows, at the `fit(...)` call, with
        the message of the first batch Keras would train on.
    """
    engine_kinds = ("data-loss",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        inputs = keras.Input(shape=(20,))
        model = keras.Model(inputs, layers.Dense(10, activation="softmax")(inputs))
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        labels = np.zeros((64,), dtype="int32")  # class ids, not one-hot
        model.fit(np.zeros((64, 20), dtype="float32"), labels, epochs=1, verbose=0)  # KC406
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        # Sequences of any length: the output's timesteps are those of the data (10 here).
        model = keras.Sequential([keras.Input((None, 8)), layers.LSTM(16, return_sequences=True),
                                  layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        x, y = np.zeros((20, 10, 8)), np.zeros((20, 10, 4))  # four classes, three units
        model.fit(x, y, epochs=1, verbose=0)  # KC406
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        inputs = keras.Input(shape=(20,))
        model = keras.Model(inputs, layers.Dense(10, activation="softmax")(inputs))
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        labels = np.zeros((64,), dtype="int32")
        model.fit(np.zeros((64, 20), dtype="float32"), labels, epochs=1, verbose=0)
        """,
    )


class SampleWeightShape(Rule):
    code = "KC421"
    name = "sample-weight-shape"
    summary = """
        The `sample_weight` given to `fit`, `evaluate`, `train_on_batch` or `test_on_batch` cannot
        multiply the loss values: weights shaped like the inputs or the targets (one per feature
        or per class) where the loss gives one value per sample, or per timestep of a sequence.
    """
    why = """
        Every built-in loss reduces the class (last) axis: it gives one value per sample, and
        per timestep for an output of sequences. Keras brings the weights to the values' rank
        (it squeezes or adds a last axis of size 1, `squeeze_or_expand_to_same_rank`) and
        multiplies them, and the backend raises where they do not broadcast (`Incompatible
        shapes for broadcasting: shapes=[(100, 10), (100, 10, 128)]`). Weights are one number
        per sample, shape `(samples,)`, for an output of vectors, and one per timestep,
        `(samples, timesteps)`, for an output of sequences (Keras 3 does not spread one weight
        per sample over the timesteps); weights per class belong in `class_weight`. The shape
        of each loss's values is part of its rule
        (`kerascheck/engine/losses/`), recorded from Keras 3.15.1 with weights of several shapes
        (`tests/oracle/loss_cases.py`); kerascheck reports only where the model's one output
        carries no mask (a mask reweights the values first) and every shape is known.
    """
    engine_kinds = ("data-sample-weight",)
    invalid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input((None, 16)), layers.LSTM(16, return_sequences=True)])
        model.compile(optimizer="sgd", loss="mse")
        x = np.random.randn(20, 10, 16)
        model.train_on_batch(x, x, sample_weight=np.ones_like(x))  # KC421
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((60, 8), dtype="float32")
        y = keras.utils.to_categorical(np.arange(60) % 5, 5)
        model = keras.Sequential([keras.Input((8,)), layers.Dense(5, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, y, sample_weight=np.ones((60, 5)), epochs=1, verbose=0)  # KC421
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input((12, 4)), layers.GRU(8, return_sequences=True), layers.Dense(3)])
        model.compile(optimizer="adam", loss="mse")
        x, y = np.zeros((40, 12, 4)), np.zeros((40, 12, 3))
        model.fit(x, y, sample_weight=np.ones(40), epochs=1, verbose=0)  # KC421
        """,
    )
    valid = (
        """
        import numpy as np
        import keras
        from keras import layers

        model = keras.Sequential([keras.Input((None, 16)), layers.LSTM(16, return_sequences=True)])
        model.compile(optimizer="sgd", loss="mse")
        x = np.random.randn(20, 10, 16)
        model.train_on_batch(x, x, sample_weight=np.ones((20, 10)))
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x = np.zeros((60, 8), dtype="float32")
        y = keras.utils.to_categorical(np.arange(60) % 5, 5)
        model = keras.Sequential([keras.Input((8,)), layers.Dense(5, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        model.fit(x, y, sample_weight=np.ones(60), epochs=1, verbose=0)
        model.fit(x, y, sample_weight=np.ones((60, 1)), epochs=1, verbose=0)
        """,
    )


class MetricTargetMismatch(Rule):
    code = "KC422"
    name = "metric-target-mismatch"
    summary = """
        A metric object given to `compile(metrics=[...])` cannot compare the targets given to
        `fit`, `evaluate`, `train_on_batch` or `test_on_batch` with the model's output:
        `keras.metrics.Accuracy()` on class ids against ten logits, `CategoricalAccuracy()` on
        class ids, `SparseCategoricalAccuracy()` on one-hot rows, `Precision()` or `Recall()` on
        class ids against a softmax, `BinaryCrossentropy()` on a vector of labels against an
        output of one unit.
    """
    why = """
        Keras builds the compiled metrics on the first batch before the loss, so a metric that
        cannot compare the labels with the predictions raises first, whatever the loss. The
        metric objects do not adapt to the labels as the string `"accuracy"` does (Keras picks
        the binary, categorical or sparse accuracy from the loss and the shapes for it):
        `Accuracy()` compares the labels with the predictions value by value (`Incompatible
        shapes for broadcasting: shapes=[(32,), (32, 10)]` for class ids against ten scores),
        `CategoricalAccuracy()` takes the argmax of one-hot labels, `SparseCategoricalAccuracy()`
        compares class ids with the argmax of the predictions; `Precision()`, `Recall()` and the
        confusion counts (`TruePositives()`…) compare every label with every prediction, one for
        one, so they need labels of the output's shape (`and got incompatible shapes for
        broadcasting: (1, 32), (1, 320)` for 32 class ids against ten scores each: one-hot
        labels, or `class_id=`); `F1Score()` and `FBetaScore()` take labels and predictions of
        two axes only (`FBetaScore expects 2D inputs with shape (batch_size, output_dim)`). The
        metrics that wrap a loss function (`BinaryCrossentropy()`, `CategoricalCrossentropy()`,
        `MeanSquaredError()`…) call it on the labels as they are, without the squeeze or
        expansion to the output's rank that the loss of the same name applies first: the
        crossentropies then refuse labels of shape `(32,)` against an output of shape `(32, 1)`
        (`Arguments target and output must have the same shape`) that the loss accepts; the
        others bring the labels to the output's rank themselves. Use `"accuracy"`, or the metric
        of the labels' kind (and labels of the output's shape). What each metric accepts is a
        rule recorded from Keras 3.15.1 (`tests/oracle/metric_cases.py`); kerascheck reports only
        the metrics it has a rule for (the accuracies, the confusion counts at one threshold, the
        F-scores and the loss functions), where every shape is known.
    """
    engine_kinds = ("data-metric",)
    invalid = (
        """
        import keras
        from keras import layers

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        model = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(10)])
        model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=[keras.metrics.Accuracy()])
        model.fit(x_train[:256], y_train[:256], epochs=1, verbose=0)  # KC422
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="int64")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(4, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=[keras.metrics.SparseCategoricalAccuracy(), keras.metrics.CategoricalAccuracy()])
        model.fit(x, keras.utils.to_categorical(y, 4), epochs=1, verbose=0)  # KC422
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="int64")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=["accuracy", keras.metrics.Precision(), keras.metrics.Recall()])
        model.fit(x, y, epochs=1, verbose=0)  # KC422
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="int64")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[keras.metrics.F1Score()])
        model.fit(x, y, epochs=1, verbose=0)  # KC422
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="float32")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[keras.metrics.BinaryCrossentropy()])
        model.fit(x, y, epochs=1, verbose=0)  # KC422
        """,
    )
    valid = (
        """
        import keras
        from keras import layers

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        model = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(10)])
        model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=[keras.metrics.SparseCategoricalAccuracy(), "accuracy"])
        model.fit(x_train[:256], y_train[:256], epochs=1, verbose=0)
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="int64")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(3, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy",
                      metrics=["accuracy", keras.metrics.Precision(), keras.metrics.Recall()])
        model.fit(x, keras.utils.to_categorical(y, 3), epochs=1, verbose=0)
        """,
        """
        import numpy as np
        import keras
        from keras import layers

        x, y = np.zeros((64, 8), dtype="float32"), np.zeros((64,), dtype="float32")
        model = keras.Sequential([keras.Input((8,)), layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy",
                      metrics=[keras.metrics.BinaryCrossentropy(), keras.metrics.MeanSquaredError()])
        model.fit(x, y.reshape(-1, 1), epochs=1, verbose=0)
        """,
    )


class DataUtilityError(Rule):
    code = "KC423"
    name = "data-utility-error"
    summary = """
        A Keras data utility raises on what it is given, at its call: `to_categorical(y,
        num_classes=n)` with a class id that is not below `n` (labels numbered from 1 to 10
        with `num_classes=10`, `num_classes=len(labels)` where the ids are larger than their
        count); `pad_sequences` given one sequence of ids, flat, instead of a list of sequences;
        `ImageDataGenerator.flow_from_dataframe(class_mode="categorical")` given one column per
        class as `y_col`.
    """
    why = """
        `to_categorical` makes one row of `num_classes` zeros per label and sets the column of
        the label's id: `categorical[np.arange(n), y] = 1`. An id of `num_classes` or more has
        no column, and NumPy raises: `IndexError: index 10 is out of bounds for axis 1 with
        size 10`. Class ids run from 0 to `num_classes - 1`: renumber labels that start at 1
        (`y - 1`), or give the number of classes, not the number of labels. kerascheck reports
        it where the ids are written out, or where their largest is known (the labels of a
        `keras.datasets` set: MNIST's largest is 9). `pad_sequences` takes the length of each
        sequence in turn; a number in their place (the ids of one sentence, not wrapped in a
        list) has none: ``ValueError: `sequences` must be a list of iterables. Found
        non-iterable: 12``. Pass `[ids]` for one sequence. `flow_from_dataframe` with
        `class_mode="categorical"` (its default) reads one column of labels, each a class name or
        a list of them; a list of columns (one-hot labels, one column per class) fails its check
        whatever they hold (`If class_mode="categorical", y_col="['cat', 'dog']" column values
        must be type string, list or tuple.`): use `class_mode="raw"` for them.
    """
    engine_kinds = ("data-utility",)
    invalid = (
        """
        from keras.utils import to_categorical

        labels = [8, 4, 6, 3, 5, 9, 7, 2]
        one_hot = to_categorical(labels, num_classes=len(labels))  # KC423
        """,
        """
        import keras

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        y_train = keras.utils.to_categorical(y_train, 9)  # KC423
        """,
        """
        from keras.utils import pad_sequences

        ids = [12, 7, 41, 3]
        padded = pad_sequences(ids, maxlen=10)  # KC423
        """,
        """
        import pandas as pd
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        frame = pd.DataFrame({"file": ["a.png", "b.png"], "cat": [1, 0], "dog": [0, 1]})
        generator = ImageDataGenerator(rescale=1 / 255)
        batches = generator.flow_from_dataframe(frame, x_col="file", y_col=["cat", "dog"])  # KC423
        """,
    )
    valid = (
        """
        from keras.utils import to_categorical

        labels = [8, 4, 6, 3, 5, 9, 7, 2]
        one_hot = to_categorical(labels, num_classes=10)
        by_count = to_categorical([0, 1, 1, 2])
        """,
        """
        import keras

        (x_train, y_train), _ = keras.datasets.mnist.load_data()
        y_train = keras.utils.to_categorical(y_train, 10)
        """,
        """
        from keras.utils import pad_sequences

        ids = [12, 7, 41, 3]
        padded = pad_sequences([ids], maxlen=10)
        texts = pad_sequences([[1, 2], [3], [4, 5, 6]], maxlen=4)
        """,
        """
        import pandas as pd
        from tensorflow.keras.preprocessing.image import ImageDataGenerator

        frame = pd.DataFrame({"file": ["a.png", "b.png"], "label": ["cat", "dog"], "cat": [1, 0], "dog": [0, 1]})
        generator = ImageDataGenerator(rescale=1 / 255)
        by_name = generator.flow_from_dataframe(frame, x_col="file", y_col="label")
        one_hot = generator.flow_from_dataframe(frame, x_col="file", y_col=["cat", "dog"], class_mode="raw")
        """,
    )
