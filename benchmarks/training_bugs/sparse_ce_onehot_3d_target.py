# Source: https://github.com/keras-team/keras/issues/7749 (issue description) — model.fit(inp, out) fails (expected activation_1 to have shape (None, None, 1) but got array with shape (1, 1, 2)): one-hot targets given to sparse_categorical_crossentropy
# The user's minimal example, as written.
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
