# Source: https://github.com/keras-team/keras/issues/16016 — model.fit() bug when using a zipped Dataset as input for a multiple-input model: three (image, one-hot label) datasets zipped and given to a three-input model (ValueError in model.fit)
# Fix (the answer in the thread): the zipped elements mapped to ((view1, view2, view3), label), the structure
# fit expects for a model of three inputs and one output.
# The report's cats_and_dogs_filtered folders, written here as a few PNGs; the three inputs are crops of the
# same images (tf.image.crop_to_bounding_box, as the report imports), each through a small conv branch.
import os

import numpy as np
import tensorflow as tf
from PIL import Image
from tensorflow import keras
from tensorflow.image import crop_to_bounding_box as tfimgcrop

BATCH_SIZE = 32

IMG_SIZE = (224, 224)
IMG_SHAPE = IMG_SIZE + (3,)

PATH = 'cats_and_dogs_filtered'
for part, count in (('train', 6), ('validation', 2)):
    for animal in ('cats', 'dogs'):
        os.makedirs(os.path.join(PATH, part, animal), exist_ok=True)
        for k in range(count):
            pixels = np.random.randint(0, 255, (150, 180, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(os.path.join(PATH, part, animal, f'{animal}.{k}.png'))

train_dir = os.path.join(PATH, 'train')
validation_dir = os.path.join(PATH, 'validation')

train_dataset = tf.keras.preprocessing.image_dataset_from_directory(train_dir,
                                                                   shuffle=False,
                                                                   label_mode='categorical',
                                                                   batch_size=BATCH_SIZE,
                                                                   image_size=IMG_SIZE)

# three views of each image, each dataset yielding (crop, label)
ds1 = train_dataset.map(lambda x, y: (tfimgcrop(x, 0, 0, 112, 112), y))
ds2 = train_dataset.map(lambda x, y: (tfimgcrop(x, 0, 112, 112, 112), y))
ds3 = train_dataset.map(lambda x, y: (tfimgcrop(x, 112, 56, 112, 112), y))

zipped_ds = tf.data.Dataset.zip((ds1, ds2, ds3))
zipped_ds = zipped_ds.map(lambda a, b, c: ((a[0], b[0], c[0]), a[1]))


def branch(name):
    inputs = keras.Input(shape=(112, 112, 3), name=name)
    x = keras.layers.Rescaling(1. / 255)(inputs)
    x = keras.layers.Conv2D(16, 3, activation='relu')(x)
    x = keras.layers.MaxPooling2D()(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    return inputs, x


in1, out1 = branch('Input1')
in2, out2 = branch('Input2')
in3, out3 = branch('Input3')
merged = keras.layers.concatenate([out1, out2, out3])
outputs = keras.layers.Dense(2, activation='softmax')(merged)
model = keras.Model(inputs=[in1, in2, in3], outputs=outputs)

model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(zipped_ds, epochs=10)
