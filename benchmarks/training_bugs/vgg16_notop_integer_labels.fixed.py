# Source: https://github.com/keras-team/keras/issues/13998 — VGG16. Error when checking target: expected block5_pool to have 4 dimensions, but got array with shape (1000, 1)
# The images come from the user's files (here a few in an .npy file).
import numpy as np
from keras.applications import VGG16
from keras.layers import Input

trainX = np.load('trainX.npy')
trainY = np.load('trainY.npy')
validX = np.load('validX.npy')
validY = np.load('validY.npy')

model = VGG16(weights="imagenet", include_top=False, input_tensor=Input(shape=(224, 224, 3)))
for layer in model.layers[:9]:
    layer.trainable = False
for layer in model.layers[9:]:
    layer.trainable = True

from keras.layers import Flatten, Dense
from keras.models import Model
x = Flatten()(model.output)
x = Dense(2, activation='softmax')(x)
model = Model(model.input, x)
trainY = np.eye(2)[trainY.reshape(-1)]
validY = np.eye(2)[validY.reshape(-1)]
model.compile(optimizer='rmsprop', loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(x=trainX,
          y=trainY,
          batch_size=1000,
          epochs=10,
          verbose=1,
          validation_data=(validX, validY),
          )
