# Source: https://openillumi.com/keras-predict-shape-error-numpy-fix (Stack Overflow case: a Keras digit model served from Django) — Error when checking : expected dense_input_1 to have shape (None, 784) but got array with shape (784, 1)
# The digit the web page sends, read here from the file of its 28x28 grey levels.
import numpy as np
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(60000, 784).astype('float32') / 255
y_train = to_categorical(y_train, 10)

model = Sequential()
model.add(Dense(512, activation='relu', input_shape=(784,)))
model.add(Dropout(0.2))
model.add(Dense(512, activation='relu'))
model.add(Dropout(0.2))
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=128, epochs=20, verbose=1)

digit = np.load('digit.npy')
img = digit.reshape(1, 784).astype('float32') / 255
prediction = model.predict(img)
print(np.argmax(prediction))
