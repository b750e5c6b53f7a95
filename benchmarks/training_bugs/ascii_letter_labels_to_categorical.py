# Source: https://github.com/keras-team/keras/issues/7339 (comment by DodiyaParth) — expected dense to have shape (None, 26): the labels were the letters' ASCII codes (97..122), so to_categorical made 123 columns
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Dense

data = np.loadtxt('letters.csv', delimiter=',', dtype=str)
features = data[:, 1:].astype('float32')
labels = np.array([ord(c) for c in data[:, 0]])
labels = keras.utils.to_categorical(labels)

model = Sequential()
model.add(Dense(64, activation='relu', input_shape=(features.shape[1],)))
model.add(Dense(26, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(features, labels, epochs=10, batch_size=32)
