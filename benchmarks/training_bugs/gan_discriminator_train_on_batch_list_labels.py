# Source: https://github.com/jhayes14/GAN/issues/5 — train.py: discriminator.train_on_batch(Xd, yd) fails (AttributeError: 'int' object has no attribute 'ndim'): the labels yd are a Python list, [1] * n + [0] * n
# The repository's train.py and model.py (a DCGAN on 64x64 photos read with cv2); the photos written here
# with PIL, read with PIL, channels last (Keras 3's default, so the np.rollaxis to channels first is left
# out), Keras 2 layer arguments in their Keras 3 spelling, one epoch of one batch, the loss-balancing loops
# and the image saving left out.
import glob
import os

import numpy as np
from PIL import Image
from keras.models import Sequential
from keras.layers import Dense, Dropout, Reshape, Activation, LeakyReLU, BatchNormalization
from keras.layers import UpSampling2D, Conv2D, Input, Flatten
from keras.optimizers import Adam


def generator_model(inputdim=100, xdim=4, ydim=4):
    model = Sequential()
    model.add(Input(shape=(inputdim,)))
    model.add(Dense(1024 * xdim * ydim))
    model.add(BatchNormalization())
    model.add(Activation('relu'))
    model.add(Reshape((xdim, ydim, 1024)))
    model.add(UpSampling2D(size=(2, 2)))
    model.add(Conv2D(512, (5, 5), padding='same'))
    model.add(BatchNormalization())
    model.add(Activation('relu'))
    model.add(UpSampling2D(size=(2, 2)))
    model.add(Conv2D(256, (5, 5), padding='same'))
    model.add(BatchNormalization())
    model.add(Activation('relu'))
    model.add(UpSampling2D(size=(2, 2)))
    model.add(Conv2D(128, (5, 5), padding='same'))
    model.add(BatchNormalization())
    model.add(Activation('relu'))
    model.add(UpSampling2D(size=(2, 2)))
    model.add(Conv2D(3, (5, 5), padding='same'))
    model.add(Activation('tanh'))
    return model


def discriminator_model():
    model = Sequential()
    model.add(Conv2D(128, (5, 5), strides=(2, 2), input_shape=(64, 64, 3), padding='same'))
    model.add(LeakyReLU(0.2))
    model.add(Dropout(0.2))
    model.add(Conv2D(256, (5, 5), strides=(2, 2), padding='same'))
    model.add(LeakyReLU(0.2))
    model.add(Dropout(0.2))
    model.add(Conv2D(512, (5, 5), strides=(2, 2), padding='same'))
    model.add(LeakyReLU(0.2))
    model.add(Dropout(0.2))
    model.add(Conv2D(1024, (5, 5), strides=(2, 2), padding='same'))
    model.add(LeakyReLU(0.2))
    model.add(Dropout(0.2))
    model.add(Flatten())
    model.add(Dense(1))
    model.add(Activation('sigmoid'))
    return model


def generator_containing_discriminator(generator, discriminator):
    model = Sequential()
    model.add(generator)
    discriminator.trainable = False
    model.add(discriminator)
    return model


def load_image(path):
    ''' Resize image to 64x64 '''
    img = Image.open(path).convert('RGB').resize((64, 64))
    img = np.float32(np.array(img)) / 127.5 - 1
    return img


def noise_image():
    zmb = np.random.uniform(-1, 1, 100)
    return zmb


def chunks(l, n):
    """Yield successive n-sized chunks from l."""
    for i in range(0, len(l), n):
        yield l[i:i + n]


def train(path, batch_size, EPOCHS):
    paths = glob.glob(os.path.join(path, "*.jpg"))
    IMAGES = np.array([load_image(p) for p in paths])
    np.random.shuffle(IMAGES)

    BATCHES = [b for b in chunks(IMAGES, batch_size)]

    discriminator = discriminator_model()
    generator = generator_model()
    discriminator_on_generator = generator_containing_discriminator(generator, discriminator)
    adam_gen = Adam(learning_rate=0.00002, beta_1=0.0005, beta_2=0.999, epsilon=1e-08)
    adam_dis = Adam(learning_rate=0.00002, beta_1=0.0005, beta_2=0.999, epsilon=1e-08)
    generator.compile(loss='binary_crossentropy', optimizer=adam_gen)
    discriminator_on_generator.compile(loss='binary_crossentropy', optimizer=adam_gen)
    discriminator.trainable = True
    discriminator.compile(loss='binary_crossentropy', optimizer=adam_dis)

    for epoch in range(EPOCHS):
        for index, image_batch in enumerate(BATCHES):
            Noise_batch = np.array([noise_image() for n in range(len(image_batch))])
            generated_images = generator.predict(Noise_batch)

            Xd = np.concatenate((image_batch, generated_images))
            yd = [1] * len(image_batch) + [0] * len(image_batch)  # labels

            d_loss = discriminator.train_on_batch(Xd, yd)

            Xg = Noise_batch
            yg = [1] * len(image_batch)

            g_loss = discriminator_on_generator.train_on_batch(Xg, yg)
            print("Generator loss", g_loss, "Discriminator loss", d_loss)


os.makedirs('faces', exist_ok=True)
for k in range(4):
    Image.fromarray(np.random.randint(0, 255, (80, 80, 3), dtype=np.uint8)).save(os.path.join('faces', f'{k}.jpg'))

train(path='faces', batch_size=4, EPOCHS=1)
