# Source: https://github.com/keras-team/keras/issues/5803 — Merging convolutional layer with Merge layer: three branches over the same 128x128 RGB images merged into one model, fit on the images of flow_from_directory (ValueError: The model expects 3 input arrays, but only received one array. Found: array with shape (32, 3, 128, 128))
# Keras 2's Merge([...], mode='concat') of Sequential branches written with the functional API (the branches called
# on three Inputs, then Concatenate);
# channels last (the report used Theano's (3, 128, 128)); the images, two folders, written here as small PNGs.
import os
import numpy as np
from PIL import Image
from keras.models import Sequential, Model
from keras.layers import Input, Reshape, Conv2D, ZeroPadding2D, MaxPooling2D, Flatten, Concatenate, Dense, Activation, Dropout
from tensorflow.keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 128, 128
for cls in ('class_a', 'class_b'):
    os.makedirs(os.path.join('data', 'train', cls), exist_ok=True)
    for i in range(16):
        Image.fromarray(np.random.randint(0, 256, (img_height, img_width, 3), dtype=np.uint8)).save(
            os.path.join('data', 'train', cls, f'{i}.png'))

leftBranch = Sequential()
leftBranch.add(Input(shape=(img_width, img_height, 3)))
leftBranch.add(Reshape((128, 128, 3)))
leftBranch.add(Conv2D(14, (3, 1), activation='relu'))
leftBranch.add(ZeroPadding2D((1, 1)))
leftBranch.add(Flatten())

rightBranch = Sequential()
rightBranch.add(Input(shape=(img_width, img_height, 3)))
rightBranch.add(Reshape((128, 128, 3)))
rightBranch.add(Conv2D(14, (1, 3), activation='relu'))
rightBranch.add(MaxPooling2D((2, 2), strides=(2, 2)))
rightBranch.add(Flatten())

centralBranch = Sequential()
centralBranch.add(Input(shape=(img_width, img_height, 3)))
centralBranch.add(Reshape((128, 128, 3)))
centralBranch.add(Conv2D(14, (5, 5), activation='relu'))
centralBranch.add(MaxPooling2D((2, 2), strides=(2, 2)))
centralBranch.add(Flatten())

left_in, central_in, right_in = (Input(shape=(img_width, img_height, 3)) for _ in range(3))
merged = Concatenate()([leftBranch(left_in), centralBranch(central_in), rightBranch(right_in)])

x = Dense(64)(merged)
x = Activation('relu')(x)
x = Dropout(0.5)(x)
x = Dense(1)(x)
x = Activation('sigmoid')(x)
model = Model([left_in, central_in, right_in], x)

model.compile(loss='binary_crossentropy', optimizer='rmsprop', metrics=['accuracy'])

train_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory(os.path.join('data', 'train'),
                                                    target_size=(img_width, img_height),
                                                    batch_size=32, class_mode='binary')

model.fit(train_generator, steps_per_epoch=1, epochs=10)
