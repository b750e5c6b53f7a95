# Source: https://github.com/keras-team/keras/issues/10360 — Bad Error Message for Incorrect Input Shape for 2D Layers (input_shape = np.shape(X), X of shape (60000, 28, 28, 1))
import numpy as np
import keras
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

(X, y), (X_test, y_test) = mnist.load_data()
X = X.reshape(X.shape[0], 28, 28, 1).astype('float32') / 255
y = keras.utils.to_categorical(y, 10)

model = Sequential()
s = np.shape(X)[1:]
model.add(Conv2D(10, kernel_size=(5, 5), activation='relu', input_shape=s))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, y, batch_size=128, epochs=3)
