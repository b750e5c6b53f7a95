# Source: https://github.com/tensorflow/tensorflow/issues/47105 (issue title and thread) — model.fit fails (Data cardinality is ambiguous: x sizes: 60000 y sizes: 10000): the MNIST training images fitted against the test labels
# A handwritten-digit model on keras.datasets.mnist (the notebook is not shown: the fit of the 60000
# training images with the 10000 test labels that the error reports).
import keras
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Flatten, Dense

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train / 255.0
x_test = x_test / 255.0

model = Sequential()
model.add(Flatten(input_shape=(28, 28)))
model.add(Dense(128, activation='relu'))
model.add(Dense(10, activation='softmax'))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(x_train, y_test, epochs=5)
model.evaluate(x_test, y_test)
