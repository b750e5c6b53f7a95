# Source: https://github.com/keras-team/keras/issues/12996 — Error when checking target: expected lstm_27 to have 3 dimensions, but got array with shape (150, 1) (150 images of 100*20, 3 class labels, the LSTM as the only layer)
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense  # noqa: F401

# 150 images of size 100*20 and 3 class labels
x = np.random.rand(150, 100, 20)
y = np.random.randint(0, 3, (150, 1))

model = Sequential()

model.add(LSTM(32, input_shape=(100, 20), unroll=False, return_sequences=True))

# model.add(LSTM(n_units, input_shape=(time_steps,n_inputs)))
# model.add(Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])

model.summary()

model.fit(x, y, epochs=50, batch_size=32, verbose=2)
