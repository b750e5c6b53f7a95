# Source: https://openillumi.com/en/en-fix-keras-lstm-data-cardinality-ambiguous (Stack Overflow case) — ValueError: Data cardinality is ambiguous: x sizes: 1, y sizes: 99
import numpy as np  # noqa: F401
import pandas as pd
from keras.models import Sequential
from keras.layers import LSTM, Dense

df = pd.read_csv('sensor_frames.csv')
x = df.drop(columns=['target']).values
y = df['target'].values.reshape(-1, 1)

x_lstm = x.reshape(1, x.shape[0], x.shape[1])
y = y.reshape(1, -1)

model = Sequential()
model.add(LSTM(64, input_shape=(x_lstm.shape[1], x_lstm.shape[2])))
model.add(Dense(99))
model.compile(loss='mse', optimizer='adam')
model.fit(x_lstm, y, epochs=100, verbose=0)
