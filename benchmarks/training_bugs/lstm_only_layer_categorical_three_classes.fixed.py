# Source: https://github.com/keras-team/keras/issues/12996 — Error when checking target: expected lstm_27 to have 3 dimensions, but got array with shape (150, 1) (150 images of 100*20, 3 class labels, the LSTM as the only layer)
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
from keras.utils import to_categorical

# 150 images of size 100*20 and 3 class labels
x = np.random.rand(150, 100, 20)
y = np.random.randint(0, 3, (150, 1))
y = to_categorical(y, 3)  # the fix: one-hot labels for categorical_crossentropy

model = Sequential()

# the fix: the last state of the LSTM only, then a softmax over the 3 classes
model.add(LSTM(32, input_shape=(100, 20), unroll=False))
model.add(Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])

model.summary()

model.fit(x, y, epochs=50, batch_size=32, verbose=2)
