# Source: https://github.com/keras-team/keras/issues/10915 (issue description) — model.fit(X_train, Y_train, ...) fails (expected dense_8 to have 2 dimensions, but got array with shape (X, 172800, 3)): per-pixel one-hot labels against a Dense(172800) softmax
# The user's road segmentation model on 360x480 images (172800 pixels, 3 classes), at 36x48 here (1728
# pixels) with a few images made with NumPy; nb_epoch as epochs, np_utils.to_categorical as
# keras.utils.to_categorical.
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense

rng = np.random.default_rng(0)
X_train = rng.integers(0, 255, (8, 36, 48, 3))
X_test = rng.integers(0, 255, (4, 36, 48, 3))
y_train = rng.integers(0, 3, (8, 36 * 48))  # a class per pixel
y_test = rng.integers(0, 3, (4, 36 * 48))

X_train = X_train.astype('float32')
X_test = X_test.astype('float32')
X_train /= 255
X_test /= 255

Y_train = keras.utils.to_categorical(y_train, 3)
Y_test = keras.utils.to_categorical(y_test, 3)

model = Sequential()

model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(36, 48, 3)))
model.add(Conv2D(32, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(16, (3, 3), activation='relu'))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(1728, activation='softmax'))

model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.summary()
model.fit(X_train, Y_train,
          batch_size=8, epochs=10, validation_data=(X_test, Y_test), verbose=1)

score = model.evaluate(X_test, Y_test, batch_size=8, verbose=1)
