# Source: https://github.com/ankonzoid/artificio/issues/12 — Decoders shape is changing: ValueError: A target array with shape (73, 458, 690, 3) was passed for an output of shape (None, 460, 692, 3) while using as loss `binary_crossentropy`
# image_retrieval.py and src/autoencoder.py of the repository (the convAE), on the user's 458x690 photos:
# a few written here with PIL and read back with PIL; the summaries' Keras 2 attributes
# (layer.input_shape / output_shape) left out, the encoder/decoder split kept.
import os

import numpy as np
import tensorflow as tf
from PIL import Image


class AutoEncoder():

    def __init__(self, modelName, info):
        self.modelName = modelName
        self.info = info
        self.autoencoder = None
        self.encoder = None
        self.decoder = None

    # Train
    def fit(self, X, n_epochs=50, batch_size=256):
        indices = np.random.permutation(len(X))
        n_train = int(0.9 * len(X))
        X_train, X_valid = X[indices[:n_train]], X[indices[n_train:]]
        self.autoencoder.fit(X_train, X_train,
                             epochs=n_epochs,
                             batch_size=batch_size,
                             shuffle=True,
                             validation_data=(X_valid, X_valid))

    # Set neural network architecture
    def set_arch(self):
        shape_img = self.info["shape_img"]

        n_hidden_1, n_hidden_2, n_hidden_3 = 16, 8, 8
        convkernel = (3, 3)  # convolution kernel
        poolkernel = (2, 2)  # pooling kernel

        input = tf.keras.layers.Input(shape=shape_img)
        x = tf.keras.layers.Conv2D(n_hidden_1, convkernel, activation='relu', padding='same')(input)
        x = tf.keras.layers.MaxPooling2D(poolkernel, padding='same')(x)
        x = tf.keras.layers.Conv2D(n_hidden_2, convkernel, activation='relu', padding='same')(x)
        x = tf.keras.layers.MaxPooling2D(poolkernel, padding='same')(x)
        x = tf.keras.layers.Conv2D(n_hidden_3, convkernel, activation='relu', padding='same')(x)
        encoded = tf.keras.layers.MaxPooling2D(poolkernel, padding='same')(x)

        x = tf.keras.layers.Conv2D(n_hidden_3, convkernel, activation='relu', padding='same')(encoded)
        x = tf.keras.layers.UpSampling2D(poolkernel)(x)
        x = tf.keras.layers.Conv2D(n_hidden_2, convkernel, activation='relu', padding='same')(x)
        x = tf.keras.layers.UpSampling2D(poolkernel)(x)
        x = tf.keras.layers.Conv2D(n_hidden_1, convkernel, activation='relu')(x)
        x = tf.keras.layers.UpSampling2D(poolkernel)(x)
        decoded = tf.keras.layers.Conv2D(shape_img[2], convkernel, activation='sigmoid', padding='same')(x)

        # Create autoencoder model
        autoencoder = tf.keras.Model(input, decoded)

        # Create encoder model
        encoder = tf.keras.Model(input, encoded)  # set encoder
        output_encoder_shape = tuple(encoder.output.shape[1:])

        # Create decoder model
        decoded_input = tf.keras.Input(shape=output_encoder_shape)
        decoded_output = autoencoder.layers[-7](decoded_input)  # Conv2D
        decoded_output = autoencoder.layers[-6](decoded_output)  # UpSampling2D
        decoded_output = autoencoder.layers[-5](decoded_output)  # Conv2D
        decoded_output = autoencoder.layers[-4](decoded_output)  # UpSampling2D
        decoded_output = autoencoder.layers[-3](decoded_output)  # Conv2D
        decoded_output = autoencoder.layers[-2](decoded_output)  # UpSampling2D
        decoded_output = autoencoder.layers[-1](decoded_output)  # Conv2D
        decoder = tf.keras.Model(decoded_input, decoded_output)

        # Assign models
        self.autoencoder = autoencoder
        self.encoder = encoder
        self.decoder = decoder

    # Compile
    def compile(self, loss="binary_crossentropy", optimizer="adam"):
        self.autoencoder.compile(optimizer=optimizer, loss=loss)


# the user's photos
dataTrainDir = os.path.join("data", "train")
os.makedirs(dataTrainDir, exist_ok=True)
for k in range(8):
    pixels = np.random.randint(0, 255, (458, 690, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(os.path.join(dataTrainDir, f"photo_{k}.jpg"))

# Read images
imgs_train = [np.array(Image.open(os.path.join(dataTrainDir, name)))
              for name in sorted(os.listdir(dataTrainDir)) if name.endswith(".jpg")]
shape_img = imgs_train[0].shape
print("Image shape = {}".format(shape_img))

modelName = "convAE"
info = {"shape_img": shape_img}
model = AutoEncoder(modelName, info)
model.set_arch()

shape_img_resize = shape_img
input_shape_model = tuple([int(x) for x in model.encoder.input.shape[1:]])
n_epochs = 500


# Apply transformations to all images
class ImageTransformer(object):

    def __init__(self, shape_resize):
        self.shape_resize = shape_resize

    def __call__(self, img):
        img_transformed = np.array(Image.fromarray(img).resize(self.shape_resize[1::-1]))
        img_transformed = img_transformed / 255.0
        return img_transformed


transformer = ImageTransformer(shape_img_resize)
imgs_train_transformed = [transformer(img) for img in imgs_train]

# Convert images to numpy array
X_train = np.array(imgs_train_transformed).reshape((-1,) + input_shape_model)
print(" -> X_train.shape = {}".format(X_train.shape))

model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X_train, n_epochs=n_epochs, batch_size=256)
