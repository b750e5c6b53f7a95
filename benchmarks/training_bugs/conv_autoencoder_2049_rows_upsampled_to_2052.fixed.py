# Source: https://github.com/keras-team/keras/issues/4056 — Convolution2D Dimension Error: a convolutional autoencoder on spectrograms of 2049 x 64, two poolings and two upsamplings give 2052 rows
# The user's script for Keras 3: Convolution2D(32, 3, 3, border_mode='same') as Conv2D(32, (3, 3), padding='same'), and the Theano
# channels-first layout (1, 2049, 64) as channels-last (2049, 64, 1); the fit (cut off in the report) as in the Keras blog's autoencoder. Two samples.
import pickle
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D
from keras.models import Model

input_img = Input(shape=(2048, 64, 1))  # the fix: 2048 rows, divisible by the two poolings
x = Conv2D(32, (3, 3), activation='relu', padding='same')(input_img)
x = MaxPooling2D((2, 2), padding='same')(x)
x = Conv2D(32, (3, 3), activation='relu', padding='same')(x)
encoded = MaxPooling2D((2, 2), padding='same')(x)

# at this point the representation is (8, 4, 4) i.e. 128-dimensional

x = Conv2D(32, (3, 3), activation='relu', padding='same')(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(32, (3, 3), activation='relu', padding='same')(x)
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation='sigmoid', padding='same')(x)

autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')

# prepare dataset
train_array = pickle.load(open('train_set2.pkl', 'rb'))
target_array = pickle.load(open('target_set2.pkl', 'rb'))
x_train = np.asarray(train_array, dtype='float32')
x_target = np.asarray(target_array, dtype='float32')
print(x_train.shape)
print(x_target.shape)
x_train = np.reshape(x_train, (len(x_train), 2049, 64, 1))[:, :2048]
x_target = np.reshape(x_target, (len(x_target), 2049, 64, 1))[:, :2048]

x_test = x_train[-438:]
x_train = x_train[:1000]
x_test_target = x_target[-438:]
x_train_target = x_target[:1000]
print(x_train.shape)
print(x_test.shape)

# train autoencoder
autoencoder.fit(x_train, x_train_target, epochs=50, batch_size=2, shuffle=True,
                validation_data=(x_test, x_test_target))
