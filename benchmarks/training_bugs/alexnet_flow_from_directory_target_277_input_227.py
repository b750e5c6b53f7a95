# Source: https://github.com/keras-team/keras/issues/4440 — fit_generator/flow_from_directory shape bug: Exception: Error when checking model input: expected input_1 to have shape (None, 3, 227, 227) but got array with shape (32, 3, 277, 277)
# An AlexNet-style functional model on Input(shape=(227, 227, 3)) (channels last, Keras 3's default), the
# image folders written here as a few PNGs; fit_generator spelled fit.
import os

import numpy as np
from PIL import Image
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from keras.layers import Input, Conv2D, MaxPooling2D, ZeroPadding2D, Flatten, Dense, Dropout
from keras.models import Model

nb_classes = 2
train_data_dir = 'data/train'
for name in ('cats', 'dogs'):
    os.makedirs(os.path.join(train_data_dir, name), exist_ok=True)
    for k in range(4):
        pixels = np.random.randint(0, 255, (300, 320, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(os.path.join(train_data_dir, name, f'{k}.png'))

train_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory(
    train_data_dir,
    target_size=(277, 277),
    batch_size=32,
    class_mode='categorical')

inputs = Input(shape=(227, 227, 3))

conv_1 = Conv2D(96, (11, 11), strides=(4, 4), activation='relu', name='conv_1')(inputs)
conv_2 = MaxPooling2D((3, 3), strides=(2, 2))(conv_1)
conv_2 = ZeroPadding2D((2, 2))(conv_2)
conv_2 = Conv2D(256, (5, 5), activation='relu', name='conv_2')(conv_2)

conv_3 = MaxPooling2D((3, 3), strides=(2, 2))(conv_2)
conv_3 = ZeroPadding2D((1, 1))(conv_3)
conv_3 = Conv2D(384, (3, 3), activation='relu', name='conv_3')(conv_3)

conv_4 = ZeroPadding2D((1, 1))(conv_3)
conv_4 = Conv2D(384, (3, 3), activation='relu', name='conv_4')(conv_4)

conv_5 = ZeroPadding2D((1, 1))(conv_4)
conv_5 = Conv2D(256, (3, 3), activation='relu', name='conv_5')(conv_5)

dense_1 = MaxPooling2D((3, 3), strides=(2, 2), name='convpool_5')(conv_5)
dense_1 = Flatten(name='flatten')(dense_1)
dense_1 = Dense(4096, activation='relu', name='dense_1')(dense_1)
dense_2 = Dropout(0.5)(dense_1)
dense_2 = Dense(4096, activation='relu', name='dense_2')(dense_2)
dense_3 = Dropout(0.5)(dense_2)
dense_3 = Dense(nb_classes, name='dense_3')(dense_3)
prediction = Dense(nb_classes, activation='softmax', name='softmax')(dense_3)

model = Model(inputs=inputs, outputs=prediction)
model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])

model.fit(train_generator, steps_per_epoch=1, epochs=10)
