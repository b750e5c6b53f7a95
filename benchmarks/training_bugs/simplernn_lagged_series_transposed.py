# Source: https://example-a.com/answer/69796734 (Stack Overflow: applying RNN to a random dataset with lags) — model.fit(x_train, y_train, ...) after x_train = np.reshape(x_train, (x_train.shape[0], 1, x_train.shape[1])) (expected simple_rnn_19_input to have shape (1, 1) but got array with shape (1, 49))
import random
import pandas as pd  # noqa: F401
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

x_train, y_train = create_dataset(df_train, lags = 1)
x_train = np.reshape(x_train, (x_train.shape[0], 1, x_train.shape[1]))

model = Sequential()
model.add(SimpleRNN(1, input_shape=(1, 1)))
model.add(Dense(1))
model.compile(loss='mean_squared_error', optimizer=SGD(learning_rate = 0.1))
history = model.fit(x_train, y_train, epochs=2, batch_size=50, validation_split=0.2)
