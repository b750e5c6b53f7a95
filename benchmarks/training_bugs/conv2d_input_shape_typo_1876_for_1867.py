# Source: https://github.com/keras-team/keras/issues/6850 — Error when checking input: expected conv2d_17_input to have shape (None, 1, 1876, 1) but got array with shape (30, 1, 1867, 1)
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

# "the shape of x_train is (30,1,1867,1) and input_shape = (1,1867,1)"
x_train = np.random.rand(30, 1, 1867, 1)
y_train = np.random.randint(0, 2, (30, 1))

model = Sequential()
model.add(Conv2D(16, (1, 5), activation='relu', input_shape=(1, 1876, 1)))
model.add(MaxPooling2D(pool_size=(1, 2)))
model.add(Conv2D(32, (1, 5), activation='relu'))
model.add(MaxPooling2D(pool_size=(1, 2)))
model.add(Flatten())
model.add(Dense(64, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(x_train, y_train, batch_size=10, epochs=5)
