# Source: https://github.com/keras-team/keras/issues/5214 — LSTM (return_sequences=True) followed by TimeDistributed(Dense) doesn't work! (expected timedistributed_1 to have 3 dimensions, but got array with shape (3000, 97))
import numpy as np
from keras.models import Sequential
from keras.layers import Masking, LSTM, TimeDistributed, Dense

x_train = np.load('sequences.npy')
y_train = np.load('labels.npy')
dimension = 64

model = Sequential()
model.add(Masking(mask_value=0., input_shape=(None, 100)))
model.add(LSTM(dimension, dropout=0.2, recurrent_dropout=0.2, return_sequences=True))
model.add(TimeDistributed(Dense(97, activation='softmax')))
model.compile(loss='categorical_crossentropy', optimizer='adam')
model.fit(x_train, y_train, batch_size=32, epochs=10)
