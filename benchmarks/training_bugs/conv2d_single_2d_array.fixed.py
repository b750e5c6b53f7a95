# Source: https://stackoverflow.com/questions/60648191/tensorflow-keras-conv2d-error-with-2d-numpy-array-input — expected conv2d_input to have 4 dimensions, but got array with shape (21, 21)
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, Flatten, Dense

X = np.random.rand(21, 21)
y = np.array([1])
X = X.reshape(1, 21, 21, 1)

model = tf.keras.Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(21, 21, 1), activation='relu'))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
model.fit(X, y, epochs=10)
