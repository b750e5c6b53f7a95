# Source: https://github.com/keras-team/keras/issues/12596 — Error when checking input: expected conv2d_21_input to have 4 dimensions, but got array with shape (1, 1, 224, 224, 3)
# The user's prediction code for Keras 3: the image read with cv2, resized to 224 x 224, scaled and made an array, then given to
# predict without a batch axis (the expand_dims the user wrote went to an unused variable); the Santa/not-Santa network (not shown)
# a small Sequential CNN on 224 x 224 x 3 with two softmax outputs.
# Fixed as the answer says: np.expand_dims(r, axis=0), given to predict.
import cv2
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense
from tensorflow.keras.preprocessing import image

model = Sequential()
model.add(Conv2D(20, (5, 5), padding="same", activation="relu", input_shape=(224, 224, 3)))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Conv2D(50, (5, 5), padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Flatten())
model.add(Dense(500, activation="relu"))
model.add(Dense(2, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

r = cv2.imread('modi.jpg', 1)
orig = r.copy()
r = cv2.resize(r, (224, 224))
r = r.astype("float") / 255.0
r = image.img_to_array(r)
r = np.expand_dims(r, axis=0)
(notSanta, santa) = model.predict(r)[0]
print(notSanta, santa)
