# Source: https://github.com/keras-team/keras/issues/983 — TypeError with Convolutional1D layer: 'Wrong number of dimensions: expected 3, got 2' when fitting 500-point signals
# The user's script for Keras 3: their loader `network_fullyconnected.load_data_quality` (their own module, reading
# their signals) as np.load of the four arrays it returns, written by the recorder (2 s of a 250 Hz signal, 500
# points per row, labels one-hot good/bad); Convolution1D/Dense(init=) spelt the Keras 3 way, nb_epoch as epochs,
# show_accuracy=True as metrics=['accuracy'] (Keras 3 has no show_accuracy).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation
from keras.layers import Convolution1D
from keras.layers import MaxPooling1D
from keras.layers import Flatten
from keras.optimizers import RMSprop


def load_data_quality():
    return (np.load('x_train.npy'), np.load('x_test.npy'),
            np.load('y_train.npy'), np.load('y_test.npy'))


x_train, x_test, y_train, y_test = load_data_quality()
mod = Sequential()
mod.add(
    Convolution1D(5, 25, input_shape=(500, 1))
)
mod.add(
    Activation('relu')
)
mod.add(
    MaxPooling1D()
)
mod.add(
    Flatten()
)
mod.add(
    Dense(500)
)
mod.add(
    Activation('relu')
)
mod.add(
    Dense(2, kernel_initializer='he_normal')
)
mod.add(
    Activation('softmax')
)
mod.compile(
    loss='mse', optimizer=RMSprop(), metrics=['accuracy']
)
mod.fit(
    x_train, y_train, epochs=100, batch_size=128,
    verbose=2
)
mod.evaluate(
    x_test, y_test, batch_size=128
)
