# Source: https://github.com/OlafenwaMoses/ImageAI/issues/765 — A target array with shape (6682, 2) was passed for an output of shape (None, 15, 2) while using as loss `categorical_crossentropy` (a BiLSTM returning sequences before the softmax, one one-hot label per sample)
# The user's sequences (15 steps) and one-hot labels, read from their saved arrays.
import numpy as np
from keras.models import Sequential
from keras.layers import Bidirectional, LSTM, Dropout, Dense

x = np.load('x_train.npy')
y = np.load('y_train.npy')
print(x.shape, y.shape)

n_units = 100
batch_size = 32
epochs = 3
output_dim = 20
label_size = y.shape[1]

model = Sequential()
model.add(Bidirectional(LSTM(int(n_units / 2), return_sequences=False,
                             input_shape=(x.shape[1], x.shape[2]),
                             activation='tanh'),
                        merge_mode='concat'))
model.add(Dropout(0.2))
model.add(Dense(label_size, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])

model.fit(x, y, batch_size=batch_size, epochs=epochs)
