# Source: https://github.com/PacktPublishing/Generative-Adversarial-Networks-Projects/issues/70 — Chapter 3 (Age-cGAN): adversarial_model.train_on_batch([z_noise2, random_labels], [1] * batch_size)
import numpy as np
from keras.layers import Input, Dense, Reshape, Flatten, concatenate, LeakyReLU
from keras.models import Model
from keras.optimizers import Adam
from keras.utils import to_categorical

z_shape = 100
num_classes = 6
image_shape = (64, 64, 3)
batch_size = 32


def build_generator():
    input_z_noise = Input(shape=(z_shape,))
    input_label = Input(shape=(num_classes,))
    x = concatenate([input_z_noise, input_label])
    x = Dense(256)(x)
    x = LeakyReLU(negative_slope=0.2)(x)
    x = Dense(64 * 64 * 3, activation="tanh")(x)
    x = Reshape(image_shape)(x)
    return Model(inputs=[input_z_noise, input_label], outputs=x)


def build_discriminator():
    input_image = Input(shape=image_shape)
    input_label = Input(shape=(num_classes,))
    x = concatenate([Flatten()(input_image), input_label])
    x = Dense(256)(x)
    x = LeakyReLU(negative_slope=0.2)(x)
    x = Dense(1, activation='sigmoid')(x)
    return Model(inputs=[input_image, input_label], outputs=x)


discriminator = build_discriminator()
discriminator.compile(loss=['binary_crossentropy'], optimizer=Adam(learning_rate=0.0002, beta_1=0.5))
generator = build_generator()
generator.compile(loss=['binary_crossentropy'], optimizer=Adam(learning_rate=0.0002, beta_1=0.5))

discriminator.trainable = False
input_z_noise = Input(shape=(z_shape,))
input_label = Input(shape=(num_classes,))
recons_images = generator([input_z_noise, input_label])
valid = discriminator([recons_images, input_label])
adversarial_model = Model(inputs=[input_z_noise, input_label], outputs=[valid])
adversarial_model.compile(loss=['binary_crossentropy'], optimizer=Adam(learning_rate=0.0002, beta_1=0.5))

for epoch in range(1):
    z_noise2 = np.random.normal(0, 1, size=(batch_size, z_shape))
    random_labels = np.random.randint(0, 6, batch_size).reshape(-1, 1)
    random_labels = to_categorical(random_labels, 6)
    g_loss = adversarial_model.train_on_batch([z_noise2, random_labels], [1] * batch_size)
    print("g_loss:{}".format(g_loss))
