# Source: https://github.com/keras-team/keras/issues/12910 — A target array with shape (1080, 6) was passed for an output of shape (None, 10) while using as loss `categorical_crossentropy`
# Keras 3 (JAX backend): activation="relu" / "softmax" where the report has tf.nn.relu / tf.nn.softmax.
# The SIGNS data set of the Coursera course, read from its HDF5 files.
import h5py
import numpy as np
import tensorflow as tf

train_dataset = h5py.File('train_signs.h5', "r")
train_x = np.array(train_dataset["train_set_x"][:]) / 255.
train_y = np.array(train_dataset["train_set_y"][:])
train_y_2 = np.eye(6)[train_y.reshape(-1)]

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(64, 64, 3)),
    tf.keras.layers.Dense(512, activation="relu"),
    tf.keras.layers.Dense(6, activation="softmax")
])
model.compile(optimizer='adam',
              loss='categorical_crossentropy',
              metrics=['accuracy'])
model.fit(train_x, train_y_2, epochs=10)
