# Source: https://github.com/keras-team/keras/issues/5926 — ValueError: Error when checking : expected conv2d_1_input to have 4 dimensions, but got array with shape (10, 28, 28)
# The model was trained on reshaped images; the test images are predicted as the loader gives them.
import keras
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(x_train.shape[0], 28, 28, 1).astype('float32') / 255
y_train = keras.utils.to_categorical(y_train, 10)

model = Sequential()
model.add(Conv2D(32, kernel_size=(3, 3), activation='relu', input_shape=(28, 28, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adadelta', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=128, epochs=1)

print(model.predict(x_test[:10]).argmax(axis=-1))
