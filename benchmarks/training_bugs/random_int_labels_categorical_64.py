# Source: https://github.com/keras-team/keras/issues/2155 — Inconsistent behavior between backends + missing docs: integer labels of shape (10000, 1) for a 64-way softmax with categorical_crossentropy
import numpy as np
import numpy.random as nr  # noqa: F401

from keras import utils as np_utils  # noqa: F401
from keras.layers import Input, Dense, Dropout
from keras.layers import BatchNormalization
from keras.models import Sequential

X = np.random.randn(10000, 500)
y = np.random.randint(0, 64, size=(10000, 1))

test = Sequential()
test.add(Input(shape=(500, )))  # `Layer(input_shape=(500, ))` in Keras 1

test.add(Dense(1024, activation='relu'))
test.add(Dropout(0.5))
test.add(BatchNormalization())

test.add(Dense(64, activation='softmax'))

test.compile('adam', 'categorical_crossentropy')
test.fit(X, y)
