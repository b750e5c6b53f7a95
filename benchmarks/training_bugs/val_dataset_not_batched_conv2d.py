# Source: https://github.com/tensorflow/tensorflow/issues/44250 — ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=4, found ndim=3 (the validation tf.data.Dataset is never batched)
import numpy as np
import tensorflow as tf
from tensorflow.keras import Sequential, layers, optimizers

train_x = np.random.uniform(0, 10, (300, 12, 24, 3))
train_y = np.random.randint(0, 2, 300)
val_x = np.random.uniform(0, 10, (100, 12, 24, 3))
val_y = np.random.randint(0, 2, 100)

model = Sequential([
    layers.Conv2D(32, 3, activation='relu', padding='same', input_shape=(12, 24, 3)),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation='sigmoid'),
])

model.compile(loss='mse', optimizer=optimizers.SGD(1e-3), metrics=['accuracy'])

AUTOTUNE = tf.data.experimental.AUTOTUNE
train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y))
train_ds = train_ds.shuffle(300)
train_ds = train_ds.repeat()
train_ds = train_ds.batch(32)
train_ds = train_ds.prefetch(AUTOTUNE)

val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(AUTOTUNE)

model.fit(train_ds, validation_data=val_ds, epochs=10, steps_per_epoch=10)
