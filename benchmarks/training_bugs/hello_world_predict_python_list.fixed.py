# Source: https://github.com/lmoroney/tfbook/issues/25 — Chapter 1 - Introduction - Prediction input: model.predict([10.0]) fails, a 2-D array is now expected
import tensorflow as tf  # noqa: F401
import numpy as np
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

l0 = Dense(units=1, input_shape=[1])
model = Sequential([l0])
model.compile(optimizer='sgd', loss='mean_squared_error')

xs = np.array([-1.0, 0.0, 1.0, 2.0, 3.0, 4.0], dtype=float)
ys = np.array([-3.0, -1.0, 1.0, 3.0, 5.0, 7.0], dtype=float)

model.fit(xs, ys, epochs=500)

print(model.predict(np.array([[10.0]])))
print("Here is what I learned: {}".format(l0.get_weights()))
