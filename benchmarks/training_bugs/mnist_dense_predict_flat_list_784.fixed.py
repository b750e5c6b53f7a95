# Source: https://openillumi.com/?p=67099 — Keras predict from a Django view: Exception: Error when checking : expected dense_input_1 to have shape (None, 784) but got array with shape (784, 1) (the drawn digit's 784 values given as one flat array)
# A dense MNIST classifier of 784 inputs (the question's model, trained on keras.datasets.mnist here) and the view's prediction on the
# 784 values of the drawing (a list of floats from the request).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.datasets import mnist
from keras.utils import to_categorical

(x_train, y_train), _ = mnist.load_data()
x_train = x_train.reshape(60000, 784).astype('float32') / 255
y_train = to_categorical(y_train, 10)

model = Sequential()
model.add(Dense(512, activation='relu', input_shape=(784,)))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=128, epochs=1)

pixels = [0.5 if i % 7 == 0 else 0.1 for i in range(784)]  # request.POST values of the drawn digit
prediction = model.predict(np.array([pixels]))
print(np.argmax(prediction))
