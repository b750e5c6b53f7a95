# Source: https://github.com/tensorflow/tensorflow/issues/50937 — validation_split for tensorflow.dataset: ValueError: `validation_split` is only supported for Tensors or NumPy arrays, found following types in the input: [<class 'tensorflow.python.data.ops.dataset_ops.PrefetchDataset'>]
# Fix (the answer): split the dataset itself, not with validation_split: the first batches for validation, the rest to train.
# The report's notebook is not shown; its PrefetchDataset is built here the usual way (MNIST, map, shuffle, batch, prefetch).
import tensorflow as tf
from tensorflow import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()


def normalize(image, label):
    return tf.cast(image, tf.float32) / 255., label


train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))
train_ds = train_ds.map(normalize).batch(128)
val_batches = int(0.2 * len(train_ds))
val_ds = train_ds.take(val_batches).prefetch(tf.data.AUTOTUNE)
train_ds = train_ds.skip(val_batches).shuffle(100).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation='relu'),
    keras.layers.Dense(10),
])
model.compile(optimizer='adam',
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])

model.fit(train_ds, epochs=6, validation_data=val_ds)
