# Source: https://github.com/tensorflow/tensorflow/issues/50099 — tf.data.Dataset.from_tensor_slices couldn't generate a simple dataset to fit a linear model
import numpy as np
import tensorflow as tf


def simulation_linear_function(x, a, b):  # y = ax+b
    y = np.matmul(a, x) + b
    return y


num_dense_unit = 2
a = np.array([0.1, 0.2, 0.3, 0.4]).reshape((2, 2))
b = np.array([0.5, 0.6]).reshape((2, 1))

num_data = 300
inputs = np.random.random((num_data, 2))
labels = np.zeros((num_data, 2))
for n in range(num_data):
    x = inputs[n]
    y = simulation_linear_function(np.reshape(x, (2, 1)), a, b)
    labels[n] = np.reshape(y, (2,))

linear_layer = tf.keras.layers.Dense(units=num_dense_unit, input_shape=[2])
linear_model = tf.keras.Sequential([linear_layer])
linear_model.compile(loss='mean_squared_error', optimizer=tf.keras.optimizers.Adam(0.1))

dataset = tf.data.Dataset.from_tensor_slices((inputs, labels)).batch(32)
history = linear_model.fit(dataset, epochs=100, verbose=True)
