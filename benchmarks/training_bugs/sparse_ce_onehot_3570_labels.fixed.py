# Source: https://github.com/keras-team/keras/issues/7303 — sparse_categorical_crossentropy loss function output shape didn't match: Error when checking model target: expected dense_42 to have shape (None, 1) but got array with shape (1055, 3570) (3570 classes, one-hot labels)
# The user's model and fit; the 79 features and the one-hot labels read from .npy files (the user's dataset, 20 and 8 samples here).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

x_train = np.load('x_train.npy')
y_train = np.load('y_train.npy')
x_valid = np.load('x_valid.npy')
y_valid = np.load('y_valid.npy')

model = Sequential()
model.add(Dense(1024, input_dim=79, activation='relu'))
model.add(Dense(2048, activation='relu'))
model.add(Dense(3570, activation='sigmoid'))

model.compile(loss='categorical_crossentropy',  # the fix: the labels are one-hot
              optimizer='rmsprop',
              metrics=['accuracy'])
model.fit(x_train, y_train,
          epochs=10,
          batch_size=1,
          validation_data=(x_valid, y_valid))
