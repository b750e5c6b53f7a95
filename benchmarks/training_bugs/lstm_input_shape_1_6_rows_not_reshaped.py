# Source: https://github.com/keras-team/keras/issues/10243 — How to reshape my dataset for RNN/LSTM model?: rows of 6 accelerometer features given as they are to stacked LSTMs whose input_shape is (1, 6) (Error when checking input: expected lstm_1_input to have 3 dimensions, but got array with shape (1415684, 6))
# The report's rows (patient, time, 6 features, label) read from text files are made here.
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense


def rows(count):
    data = np.random.rand(count, 9)
    data[:, 0] = np.arange(count) // 50 + 1          # patient number
    data[:, 1] = np.arange(count) % 50 * 15 + 15       # time in ms
    data[:, 8] = np.random.randint(0, 2, count)        # label
    return data


train = rows(400)
test = rows(100)

x_train = train[:, [2, 3, 4, 5, 6, 7]]
x_test = test[:, [2, 3, 4, 5, 6, 7]]
y_train = train[:, 8]
y_test = test[:, 8]

model = Sequential()
model.add(LSTM(30, return_sequences=True,
               input_shape=(1, 6)))  # returns a sequence of vectors of dimension 30
model.add(LSTM(30, return_sequences=True))  # returns a sequence of vectors of dimension 30
model.add(LSTM(30))  # return a single vector of dimension 30
model.add(Dense(1, activation='softmax'))

model.compile(loss='binary_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=64, epochs=5, validation_data=(x_test, y_test))
