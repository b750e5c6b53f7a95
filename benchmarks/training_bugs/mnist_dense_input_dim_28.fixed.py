# Source: https://github.com/keras-team/keras/issues/13916 — ValueError: Error when checking input: expected dense_8_input to have 2 dimensions, but got array with shape (60000, 28, 28)
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

from tensorflow.keras.datasets import mnist
(X_train, Y_train), (X_test, Y_test) = mnist.load_data()
X_train.shape

X_train = X_train / 255
X_test = X_test / 255
X_train = np.reshape(X_train, (X_train.shape[0], -1))
X_test = np.reshape(X_test, (X_test.shape[0], -1))

from tensorflow.keras.utils import to_categorical
num_classes = 10
Y_train_dummy = to_categorical(Y_train, num_classes)
Y_test_dummy = to_categorical(Y_test, num_classes)

model = Sequential()
model.add(Dense(512, activation="relu", input_dim=X_train.shape[1]))
model.add(Dense(256, activation="relu"))
model.add(Dense(128, activation="relu"))
model.add(Dense(num_classes, activation="softmax"))

#X_train = np.reshape(X_train, (X_train.shape[0], -1))
#X_test = np.reshape(X_test, (X_test.shape[0], -1))

# (the report's compile had `optimize="sgd"`, a typo that Keras 2 ignored and Keras 3 rejects)
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])

model.fit(X_train, Y_train_dummy, epochs=20)
