# Source: https://www.pythond.com/52081/como-procesar-la-forma-de-entrada-y-salida-para-keras-lstm.html (Stack Overflow: How to process input and output shape for keras LSTM) — expected lstm_input_9 to have 3 dimensions, but got array with shape (100, 9)
from sklearn.datasets import make_regression
from keras.models import Sequential
from keras.layers import Dense, Activation, LSTM  # noqa: F401

#creating sample dataset
X, Y = make_regression(100, 9, n_informative=9, n_targets=2)
X = X.reshape(X.shape + (1,))

#creating LSTM model
model = Sequential()
model.add(LSTM(32, input_shape=(9, 1)))
model.add(Dense(2))
model.compile(loss='mean_squared_error', optimizer='adam')

#model fitting
model.fit(X, Y, epochs=1, batch_size=32)
