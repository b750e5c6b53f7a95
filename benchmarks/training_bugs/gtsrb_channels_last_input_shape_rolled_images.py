# Source: https://github.com/chsasank/Traffic-Sign-Classification.keras/issues/4 — expected conv2d_1_input to have shape (None, 48, 48, 3) but got array with shape (13320, 3, 48, 48)
# The repository's notebook ("Traffic Sign Classification.ipynb") as the user changed it: the
# K.set_image_data_format('channels_first') line deleted and input_shape=(IMG_SIZE, IMG_SIZE, 3), preprocess_img still
# rolling the colour axis first. Cells up to the training: the images load from the notebook's X.h5 cache (written by the
# recorder: 120 preprocessed 3x48x48 images, 43-class one-hot labels), so skimage (not installed where the record is
# made) is not imported and the unused preprocessing branch is left out; SGD(lr=) as learning_rate= without Keras 3's
# rejected decay=; ModelCheckpoint to 'model.keras'; the unused ImageDataGenerator import (gone from Keras 3.15) left out.
import numpy as np
import os
import glob
import h5py

from keras.models import Sequential, model_from_json
from keras.layers import Dense, Dropout, Activation, Flatten
from keras.layers import Conv2D
from keras.layers import MaxPooling2D

from keras.optimizers import SGD
from keras.callbacks import LearningRateScheduler, ModelCheckpoint
from keras import backend as K

NUM_CLASSES = 43
IMG_SIZE = 48


def get_class(img_path):
    return int(img_path.split('/')[-2])


with h5py.File('X.h5') as hf:
    X, Y = hf['imgs'][:], hf['labels'][:]
print("Loaded images from X.h5")


def cnn_model():
    model = Sequential()

    model.add(Conv2D(32, (3, 3), padding='same',
                     input_shape=(IMG_SIZE, IMG_SIZE, 3),
                     activation='relu'))
    model.add(Conv2D(32, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.2))

    model.add(Conv2D(64, (3, 3), padding='same',
                     activation='relu'))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.2))

    model.add(Conv2D(128, (3, 3), padding='same',
                     activation='relu'))
    model.add(Conv2D(128, (3, 3), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.2))

    model.add(Flatten())
    model.add(Dense(512, activation='relu'))
    model.add(Dropout(0.5))
    model.add(Dense(NUM_CLASSES, activation='softmax'))
    return model

model = cnn_model()
# let's train the model using SGD + momentum (how original).
lr = 0.01
sgd = SGD(learning_rate=lr, momentum=0.9, nesterov=True)
model.compile(loss='categorical_crossentropy',
          optimizer=sgd,
          metrics=['accuracy'])


def lr_schedule(epoch):
    return lr*(0.1**int(epoch/10))

batch_size = 32
nb_epoch = 30

model.fit(X, Y,
          batch_size=batch_size,
          epochs=nb_epoch,
          validation_split=0.2,
          shuffle=True,
          callbacks=[LearningRateScheduler(lr_schedule),
                    ModelCheckpoint('model.keras',save_best_only=True)]
            )
