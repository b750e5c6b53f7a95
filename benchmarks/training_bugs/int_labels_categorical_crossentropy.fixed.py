# Source: https://github.com/keras-team/keras/issues/3109 — Error when checking model target: expected activation_2 to have shape (None, 10) but got array with shape (3, 1)
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

X_train = np.array([[1, 2], [6, 5], [8, 2]])
y_train = np.array([2, 3, 7])
from keras.utils import to_categorical
y_train = to_categorical(y_train, 10)
input_dim = X_train.shape[1]

model = Sequential()
model.add(Dense(64, input_dim=input_dim))
model.add(Activation('relu'))
model.add(Dense(10))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
model.fit(X_train, y_train, epochs=5)
