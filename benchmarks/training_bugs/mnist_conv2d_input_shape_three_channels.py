# Source: https://github.com/tensorflow/tensorflow/issues/52586 — ValueError ----> 1 cnn.fit(X_train, y_train, epochs=2) (MNIST images of shape (28, 28) given to a CNN declared with input_shape=(28, 28, 3))
import tensorflow as tf  # noqa: F401
from tensorflow.keras import datasets, layers, models
import numpy as np  # noqa: F401

(X_train, y_train), (X_test, y_test) = datasets.mnist.load_data()
X_train.shape

X_test.shape

y_train[:10]
y_train = y_train.reshape(-1,)
y_train[:10]

classes = ["five", "zero", "four", "one", "nine", "two", "one", "three", "one", "four"]

X_train = X_train / 255.0
X_test = X_test / 255.0

cnn = models.Sequential([
    layers.Conv2D(filters=28, kernel_size=(3, 3), activation='relu', input_shape=(28, 28, 3)),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(filters=56, kernel_size=(3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(28, activation='relu'),
    layers.Dense(10, activation='softmax')
])

cnn.compile(optimizer='adam',
            loss='sparse_categorical_crossentropy',
            metrics=['accuracy'])

cnn.fit(X_train, y_train, epochs=2)
