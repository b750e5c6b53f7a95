# Source: https://github.com/tensorflow/tensorflow/issues/28442 — expected conv2d_input to have 4 dimensions: ValueError: Error when checking input: expected conv2d_input to have 4 dimensions, but got array with shape (24946, 50, 50)
# The user's script for Keras 3: grey 50 x 50 images and 0/1 labels read from pickles (20 here), given to a stack of Conv2D on
# (50, 50, 1) with binary_crossentropy, batch_size the whole set.
# Fixed as the Stack Overflow answer the user links says: a channel axis added to x, and Flatten + Dense(1, sigmoid) on top.
import numpy as np
import pickle
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

pickle_ind = open("x.pickle", "rb")
x = pickle.load(pickle_ind)
x = np.array(x, dtype=float)
x = np.expand_dims(x, -1)

pickle_ind = open("y.pickle", "rb")
y = pickle.load(pickle_ind)

n_batch = len(x)

model = Sequential()
model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(50, 50, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(Flatten())
model.add(Dense(1, activation='sigmoid'))
model.summary()
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
model.fit(x, y, epochs=20, batch_size=n_batch)
