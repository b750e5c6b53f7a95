# Source: https://github.com/keras-team/keras/issues/6351 (comment by ZisisFl) — Error when checking input: expected lstm_1_input to have shape (973, 215) but got array with shape (61, 215): sales of 215 items in 60 shops, 973 days to train on and 61 to validate on, the LSTM built for the 973 training days
# The user's model and fit; the sales tables (one row per shop and day, one column per item) are read from .npy files, at small sizes (6 shops, 12 items, 40 days and 8 days).
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

shops, items = 6, 12
train_x = np.load('train_x.npy')
test_x = np.load('test_x.npy')
train_y = np.load('train_y.npy')
test_y = np.load('test_y.npy')

train_x = train_x.reshape((shops, 40, items))
test_x = test_x.reshape((shops, 8, items))
train_y = train_y.reshape((shops, 40, items))
test_y = test_y.reshape((shops, 8, items))

model = Sequential()
model.add(LSTM(100, input_shape=(train_x.shape[1], train_x.shape[2]), return_sequences='true'))
model.add(Dense(items))
model.compile(loss='mean_squared_error', optimizer='adam', metrics=['accuracy'])
history = model.fit(train_x, train_y, epochs=10,
                    validation_data=(test_x, test_y), verbose=2, shuffle=False)
