# Source: https://github.com/keras-team/keras/issues/2415 (comment by parunach, 2016-09-18) — model.fit on trainX reshaped to [samples, time steps, 1] with LSTM(10, input_dim=look_back) "gives me the same error" (Input 0 is incompatible with layer: unexpected input shape): the LSTM declared with look_back features a step
# The comment's script (the airline-passengers window tutorial) on a synthetic series made with NumPy; the
# Keras 1 input_dim=look_back (the number of features of a step) written as input_shape=(None, look_back),
# the LSTM's last output fed to Dense(1) as the thread's answer has it (return_sequences=False).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, LSTM


def create_dataset(dataset, look_back=1):
    dataX, dataY = [], []
    for i in range(len(dataset) - look_back - 1):
        a = dataset[i:(i + look_back), 0]
        dataX.append(a)
        dataY.append(dataset[i + look_back, 0])
    return np.array(dataX), np.array(dataY)


series = np.sin(np.arange(300) / 10.0).reshape(-1, 1).astype('float32')
train, test = series[:200], series[200:]

look_back = 10
trainX, trainY = create_dataset(train, look_back)
testX, testY = create_dataset(test, look_back)

# reshape input to be [samples, time steps, features]
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))
testX = np.reshape(testX, (testX.shape[0], testX.shape[1], 1))

# create and fit the LSTM network
batch_size = 100
model = Sequential()
model.add(LSTM(10, input_shape=(None, look_back)))
model.add(Dense(1))
model.compile(loss='mean_squared_error', optimizer='adam')
model.fit(trainX, trainY, epochs=10, batch_size=batch_size, verbose=2)
