# Source: https://github.com/keras-team/keras/issues/15449 — Trouble in running the epochs (mnist reshaped to (n, 1, 28, 28), Convolution2D given input_shape=(28,28,1); the error after "Epoch 1/10")
# Fixed as the answer says: the images reshaped channels last, (n, 28, 28, 1), as input_shape says.
# The user's script for Keras 3: `from keras.models import sequential` as `Sequential`, `np_utils.to_categorical` as
# `keras.utils.to_categorical`; the fit used `Y_train`/`Y_test`, which the notebook held (the "Epoch 1/10" shows fit
# started), here the one-hot `y_train`/`y_test` under those names. Convolution2D(32, 3, 3) kept (kernel 3, strides 3).
import numpy as np
np.random.seed(123)  # for reproducibility

import keras
from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation, Flatten
from keras.layers import Convolution2D, MaxPooling2D
from keras.datasets import mnist

(X_train, y_train), (X_test, y_test) = mnist.load_data()

X_train = X_train.reshape(X_train.shape[0], 28, 28, 1)
X_test = X_test.reshape(X_test.shape[0], 28, 28, 1)
X_train = X_train.astype('float32')
X_test = X_test.astype('float32')
X_train /= 255
X_test /= 255

y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)
Y_train, Y_test = y_train, y_test

model = Sequential()

model.add(Convolution2D(32, 3, 3, activation='relu', input_shape=(28, 28, 1)))
model.add(Convolution2D(32, 3, 3, activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))

model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(10, activation='softmax'))

model.compile(loss='categorical_crossentropy',
              optimizer='adam',
              metrics=['accuracy'])

model.fit(X_train, Y_train,
          batch_size=32, epochs=10, verbose=1)
score = model.evaluate(X_test, Y_test, verbose=0)
