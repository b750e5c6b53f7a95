# Source: https://github.com/keras-team/keras/issues/2724 — Exception: Input 0 is incompatible with layer dense_1: expected ndim=2, found ndim=4
# input_shape=(3, 480, 640) for images stored as (samples, 480, 640, 3); the images come from the
# user's files (here an .npy file; smaller images than the report's 480x640).
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense

x_train = np.load('x_train.npy')
y_train = np.load('y_train.npy')
print(x_train.shape)

model = Sequential()
model.add(Conv2D(64, (3, 3), padding="same", input_shape=(48, 64, 3), kernel_initializer="glorot_uniform", activation='relu'))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='sgd')
model.fit(x_train, y_train, batch_size=32, epochs=1)
