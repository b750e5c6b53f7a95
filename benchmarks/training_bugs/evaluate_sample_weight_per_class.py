# Source: https://github.com/keras-team/keras/issues/6720 — Can't use sample_weights both for fit or evaluate model: a 1D array of 17 weights (ValueError: Found a sample_weight array with shape (17,) for an input with shape (180, 17). sample_weight cannot be broadcast.)
import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.load('X.npy')  # 180 samples
Y = np.load('Y.npy')  # (180, 17): one-hot over 17 classes
weights = np.load('class_weights.npy')  # one weight for each of the 17 classes

model = Sequential()
model.add(Dense(64, activation='relu', input_dim=X.shape[1]))
model.add(Dense(Y.shape[1], activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, Y, batch_size=50, epochs=10)

model.evaluate(X, Y, batch_size=50, sample_weight=weights)
