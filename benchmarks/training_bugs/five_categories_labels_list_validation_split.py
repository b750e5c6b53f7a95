# Source: https://github.com/tensorflow/tensorflow/issues/55270 — model.fit error, adjusting a 2-class image model to 5 categories: model.fit(X, [y], validation_split=0.1) with y a Python list (ValueError in train_validation_split)
import numpy as np
import tensorflow as tf  # noqa: F401
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout, Activation, Flatten, Conv2D, MaxPooling2D  # noqa: F401

# X.pickle / y.pickle: 50x50 grey images (X = np.array(X).reshape(-1, 50, 50, 1)) and a Python list of their class (0..4)
IMG_SIZE = 50
X = np.random.randint(0, 256, (100, IMG_SIZE, IMG_SIZE, 1))
y = [i % 5 for i in range(100)]

X = X / 255.0

model = Sequential()

model.add(Conv2D(64, (3, 3), input_shape=X.shape[1:]))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))

model.add(Conv2D(64, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))

model.add(Flatten())
model.add(Dense(64))
model.add(Activation("relu"))

model.add(Dense(1))
model.add(Activation('sigmoid'))

model.compile(loss="categorical_crossentropy",
              optimizer="adam",
              metrics=['accuracy'])

model.fit(X, [y], batch_size=32, epochs=30, validation_split=0.1)
