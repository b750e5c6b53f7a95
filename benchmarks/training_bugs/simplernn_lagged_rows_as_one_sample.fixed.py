# Source: https://boohere.com/pt/detail/123198.html — SimpleRNN with lag 1: Error when checking input: expected simple_rnn_19_input to have shape (1, 1) but got array with shape (1, 49) (create_dataset returns the 49 lagged values as one row)
# The user's script; SGD(lr=0.1) as SGD(learning_rate=0.1).
import random
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, SimpleRNN
from keras.optimizers import SGD
import numpy as np

df_train = random.sample(range(1, 100), 50)


def create_dataset(dataset, lags):
    dataX, dataY = [], []
    for i in range(lags):
        subdata = dataset[i:len(dataset) - lags + i]
        dataX.append(subdata)
    dataY.append(dataset[lags:len(dataset)])
    return np.array(dataX), np.array(dataY)


x_train, y_train = create_dataset(df_train, lags=1)
# the answer: one sample per time step, (samples, timesteps, features)
x_train = np.reshape(x_train.T, (x_train.shape[1], 1, x_train.shape[0]))
y_train = y_train.T

model = Sequential()
model.add(SimpleRNN(1, input_shape=(1, 1)))
model.add(Dense(1))
model.compile(loss='mean_squared_error', optimizer=SGD(learning_rate=0.1))
history = model.fit(x_train, y_train, epochs=1000, batch_size=50, validation_split=0.2)
