# Source: https://github.com/keras-team/keras/issues/3097 — Layer shape error with autoencoder: the blog's convolutional autoencoder on signals of shape (nSamples, 1, 512, 1), 3x1 kernels and 2x1 poolings, written for the channels-first layout
# The user's model for Keras 3 (Convolution2D(32, 3, 1, border_mode='same') as Conv2D(32, (3, 1), padding='same')), the input shape and
# data layout as the user wrote them; the signals read from an .npy file (16 here), the fit as in the blog.
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D
from keras.models import Model

signals = np.load('signals.npy')
x_train = signals.reshape(len(signals), 1, 512, 1)

input_img = Input(shape=(1, 512, 1))

x = Conv2D(32, (3, 1), activation='relu', padding='same')(input_img)
x = MaxPooling2D((2, 1), padding='same')(x)
x = Conv2D(32, (3, 1), activation='relu', padding='same')(x)
encoded = MaxPooling2D((2, 1), padding='same')(x)

x = Conv2D(32, (3, 1), activation='relu', padding='same')(encoded)
x = UpSampling2D((2, 1))(x)
x = Conv2D(32, (3, 1), activation='relu', padding='same')(x)
x = UpSampling2D((2, 1))(x)
decoded = Conv2D(1, (3, 1), activation='sigmoid', padding='same')(x)

autoencoder = Model(input_img, decoded)
autoencoder.summary()
autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')
autoencoder.fit(x_train, x_train, epochs=50, batch_size=128, shuffle=True)
