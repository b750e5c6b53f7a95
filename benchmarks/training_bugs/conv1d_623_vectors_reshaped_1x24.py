# Source: https://github.com/keras-team/keras/issues/1457 (comment by breadada) — Convolution1D, unexpected keyword argument 'input_length': Wrong number of dimensions: expected 3, got 2 with shape (1, 24)
# The user's 1D CNN for Keras 3 (Convolution1D(nb_filter=4, filter_length=5, border_mode='valid') as Conv1D(4, 5, padding='valid'),
# Dense(input_dim=40, output_dim=10, init=...) as Dense(10), nb_epoch as epochs): 623 vectors of 24 values read from a CSV (the MLP's
# data), reshaped to (623, 1, 24) while the model is built for input_shape=(623, 24).
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Activation, MaxPooling1D, Flatten, Dense
from keras.utils import to_categorical

data = np.loadtxt('train.csv', delimiter=',')
X_train, y_train = data[:, :24], to_categorical(data[:, 24], 10)
newshape = (623, 1, 24)
train = np.reshape(X_train, newshape)

model = Sequential()
model.add(Conv1D(4, 5, padding='valid', input_shape=(623, 24)))
model.add(Activation('tanh'))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(10))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='sgd')
model.fit(train, y_train, batch_size=1, epochs=10)
