# Source: https://github.com/keras-team/keras/issues/11480 — LSTM keras - Value error Input 0 is incompatible with layer lstm_33: expected ndim=3, found ndim=4
# The batch is one sample of 6 rows of 30 values read from the user's files (here one CSV file).
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM

InputBatch = np.genfromtxt('positive_sample.csv', delimiter=',')
PositiveOrNegativeLabel = np.array([[1] * 100])

model = Sequential()
InputBatch = np.expand_dims(InputBatch, 0)
print(InputBatch.shape)
model.add(LSTM(100, input_shape=(6, 30), return_sequences=False))
model.compile(loss='mean_absolute_error', optimizer='adam', metrics=['accuracy'])
model.fit(InputBatch, PositiveOrNegativeLabel, batch_size=6, epochs=10, verbose=1)
