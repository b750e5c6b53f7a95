# Source: https://github.com/keras-team/keras/issues/7749 — sparse_categorical_crossentropy requires a single output (one-hot targets of shape (1, 1, 2) given to the sparse loss)
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

model = Sequential()
model.add(Dense(2, input_shape=(None, 2)))
model.add(Activation('softmax'))

model.compile(loss='sparse_categorical_crossentropy',
              optimizer='rmsprop',
              metrics=['accuracy'])

inp = np.array([[[2, 3]]])
out = np.array([[[1, 0]]])

model.fit(inp, out)
