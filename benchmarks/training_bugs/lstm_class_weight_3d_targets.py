# Source: https://github.com/keras-team/keras/issues/1709 — Class_weights not supported for fitting recurrent networks with crossentropy loss (Exception: class_weight not supported for 3+ dimensional targets)
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM
from keras.layers import Dense  # noqa: F401

t = Sequential()
t.add(LSTM(3, input_shape=(None, 1), return_sequences=True))  # `input_dim = 1` in Keras 1
t.compile(loss="categorical_crossentropy", optimizer="sgd")


x = np.random.randn(10, 10, 1)
y = np.zeros((10, 10, 3))
for i in range(10):
    for j in range(10):
        y[i, j, int(10. * x[i, j, 0] % 3)] = 1  # `x[i,j]` in the report, a 1-element array NumPy 2 no longer turns into an int


t.fit(x, y, verbose=1, epochs=5)  # WORKS

t.fit(x, y, verbose=1, epochs=5, class_weight={0: 0., 1: 10, 2: 5})  # GIVES ERROR
