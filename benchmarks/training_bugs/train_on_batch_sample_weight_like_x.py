# Source: https://github.com/keras-team/keras/issues/1199 — `sample_weight` crashes on `train_on_batch`: weights shaped like the (100, 10, 128) sequences rather than one weight per sample
import numpy as np
from keras.models import Sequential
from keras.layers import Input, LSTM

model = Sequential()
model.add(Input(shape=(None, 128)))  # `input_dim=128` on the LSTM in Keras 1
model.add(LSTM(128, return_sequences=True))  # try using a GRU instead, for fun
model.compile('sgd', 'mse')

X = np.random.randn(100, 10, 128)
model.train_on_batch(X, X, sample_weight=np.ones_like(X))
