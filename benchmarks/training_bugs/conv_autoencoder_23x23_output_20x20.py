# Source: https://github.com/keras-team/keras/issues/12674 — Getting ValueError for unknown reason: Error when checking target: expected conv2d_7 to have shape (20, 20, 1) but got array with shape (23, 23, 1) (the Keras blog's convolutional autoencoder, made for 28x28, on 23x23 profiles)
# The user's GTEx profiles, 529 values each, read from their saved array; the TensorBoard callback left out.
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D
from keras.models import Model

input_profile = Input(shape=(23, 23, 1))
x = Conv2D(16, (3, 3), activation='relu', padding='same')(input_profile)
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

autoencoder = Model(input_profile, decoded)
autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')

X_GTEx = np.load('GTEx_X_float64.npy')
x_train = X_GTEx
x_train = np.reshape(x_train, (5207, 23, 23, 1))

autoencoder.fit(x_train, x_train,
                epochs=50, batch_size=127,
                shuffle=True, validation_data=(x_train, x_train))
