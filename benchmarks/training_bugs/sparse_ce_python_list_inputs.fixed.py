# Source: https://github.com/keras-team/keras/issues/3009 (issue description) — model.fit([[0,1], [1,1], [1,0]], [1,2,3]) fails (Error when checking model target: expected activation_6 to have shape (None, 10) but got array with shape (3, 1)): three samples given as Python lists to a sparse_categorical_crossentropy model
# Fix: the samples and labels as NumPy arrays, x of shape (3, 2) and y of shape (3,).
# The user's script; input_dim=2 as an Input(shape=(2,)).
from keras.layers import Dense, Activation, Input
from keras.models import Sequential
import numpy as np
model = Sequential([
    Input(shape=(2,)),
    Dense(32),
    Activation('relu'),
    Dense(10),
    Activation('softmax'),
])
model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd')
model.fit(np.array([[0, 1], [1, 1], [1, 0]]), np.array([1, 2, 3]))
