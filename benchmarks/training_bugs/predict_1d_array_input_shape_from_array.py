# Source: https://github.com/tensorflow/tensorflow/issues/31600 — Issue with model.predict(): expected dense_input to have shape (7,) but got array with shape (1,)
import numpy as np
import tensorflow as tf

trainarray = np.array([0, 0, 0, 0, 0, 0, 0])
model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(7, input_shape=trainarray.shape),
    tf.keras.layers.Dense(12),
    tf.keras.layers.Dense(1)
])
model.predict(np.array([0, 0, 0, 0, 0, 0, 0]))
