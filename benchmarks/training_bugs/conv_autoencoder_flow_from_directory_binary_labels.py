# Source: https://github.com/keras-team/keras/issues/4236 — Trying to train an Autoencoder (the keras blog's convolutional autoencoder on 140x140 site photos read with flow_from_directory): Error when checking model target: expected convolution2d_7 to have 4 dimensions, but got array with shape (32L, 1L)
# The photos (two folders, as in "Found 113 images belonging to 2 classes") are written here as small PNGs;
# channels last (the report used Theano's (3, 140, 140)).
import os
import numpy as np
from PIL import Image
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D
from tensorflow.keras.models import Model
from tensorflow.keras.preprocessing.image import ImageDataGenerator

for part, count in (('train', 8), ('validation', 4)):
    for cls in ('site_a', 'site_b'):
        os.makedirs(os.path.join('Photos', part, cls), exist_ok=True)
        for i in range(count):
            pixels = np.random.randint(0, 256, (140, 140, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(os.path.join('Photos', part, cls, f'{i}.png'))

img_width = 140
img_height = 140
train_data_dir = os.path.join('Photos', 'train')
valid_data_dir = os.path.join('Photos', 'validation')
input_img = Input(shape=(img_width, img_width, 3))

x = Conv2D(16, (3, 3), activation='relu', padding='same')(input_img)
x = MaxPooling2D((2, 2), padding='same')(x)
x = Conv2D(8, (3, 3), activation='relu', padding='same')(x)
x = MaxPooling2D((2, 2), padding='same')(x)
x = Conv2D(8, (3, 3), activation='relu', padding='same')(x)
encoded = MaxPooling2D((2, 2), padding='same')(x)

x = Conv2D(8, (3, 3), activation='relu', padding='same')(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(8, (3, 3), activation='relu', padding='same')(x)
x = UpSampling2D((2, 2))(x)
x = Conv2D(16, (3, 3), activation='relu')(x)
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation='sigmoid', padding='same')(x)

autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')

datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = datagen.flow_from_directory(train_data_dir, target_size=(img_width, img_height),
                                              batch_size=32, class_mode='binary')
valid_generator = datagen.flow_from_directory(valid_data_dir, target_size=(img_width, img_height),
                                              batch_size=32, class_mode='binary')

autoencoder.fit(train_generator,
                epochs=50,
                validation_data=valid_generator)
