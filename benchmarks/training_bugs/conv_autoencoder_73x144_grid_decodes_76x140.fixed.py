# Source: https://github.com/keras-team/keras/issues/4036 (comment by metatl) — Dimension problem when building convolutional autoencoder: the blog's autoencoder modified for 73 x 144 grids, whose decoder gives 76 x 140
# The user's model for Keras 3 (Convolution2D(16, 3, 3, border_mode='same') as Conv2D(16, (3, 3), padding='same'), the Theano layout
# (1, 73, 144) as channels-last (73, 144, 1)); the grids (not shown) read from an .npy file (8 here), the fit as in the blog.
import numpy as np
from keras.layers import Dense, Conv2D, MaxPooling2D, UpSampling2D, Input
from keras.models import Model

grids = np.load('grids.npy')
x_train = grids.reshape(len(grids), 73, 144, 1)[:, :72]  # the fix: 72 rows, divisible by 8

input_img = Input(shape=(72, 144, 1))

x = Conv2D(16, (3, 3), activation='relu', padding='same')(input_img)
x = MaxPooling2D((2, 2), padding='same')(x)
x = Conv2D(12, (3, 3), activation='relu', padding='same')(x)
x = MaxPooling2D((2, 2), padding='same')(x)
x = Conv2D(6, (3, 3), activation='relu', padding='same')(x)
encoded = MaxPooling2D((2, 2), padding='same')(x)

# at this point the representation is (8, 4, 4) i.e. 128-dimensional

x = Conv2D(6, (3, 3), activation='relu', padding='same')(encoded)
x = UpSampling2D((2, 2))(x)
x = Conv2D(12, (3, 3), activation='relu', padding='same')(x)
x = UpSampling2D((2, 2))(x)
x = Conv2D(16, (3, 3), activation='relu', padding='same')(x)  # and no valid convolution in the decoder
x = UpSampling2D((2, 2))(x)
decoded = Conv2D(1, (3, 3), activation='sigmoid', padding='same')(x)
print(decoded.shape)
autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')

autoencoder.fit(x_train, x_train, epochs=50, batch_size=128, shuffle=True)
