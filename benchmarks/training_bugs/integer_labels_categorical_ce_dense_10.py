# Source: https://github.com/keras-team/keras/issues/3109 (issue title and thread) — model.fit(X_train, y_train) fails (expected activation_2 to have shape (None, 10) but got array with shape (3, 1)): integer labels given to categorical_crossentropy with 10 output units
# The example of the thread (three samples of 2 features, labels 2, 3, 7, a 10-way softmax); output_dim=
# as units, nb_epoch as epochs.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation

X_train = np.array([[1, 2], [6, 5], [8, 2]])
y_train = np.array([2, 3, 7])
input_dim = X_train.shape[1]

model = Sequential()
model.add(Dense(units=64, input_dim=input_dim))
model.add(Activation('relu'))
model.add(Dense(units=10))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
model.fit(X_train, y_train, epochs=5)
