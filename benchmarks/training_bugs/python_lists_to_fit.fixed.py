# Source: https://github.com/keras-team/keras/issues/3009 — Error when checking model target with sparse_categorical_crossentropy (x and y given as Python lists)
from keras.layers import Dense, Activation
from keras.models import Sequential

model = Sequential([
    Dense(32, input_dim=2),
    Activation('relu'),
    Dense(10),
    Activation('softmax'),
])
model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd')
import numpy as np
model.fit(np.array([[0, 1], [1, 1], [1, 0]]), np.array([1, 2, 3]))
