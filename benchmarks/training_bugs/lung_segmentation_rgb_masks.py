# Source: https://github.com/imlab-uiip/lung-segmentation-2d/issues/7 — A target array with shape (8, 512, 512, 3) was passed for an output of shape (None, 512, 512, 1) while using as loss `binary_crossentropy`
# The X-ray images and their masks are read from the user's folders (the masks kept as 3-channel images).
import os
import numpy as np
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, concatenate
from keras.models import Model
from keras.optimizers import Adam


def loadData(folder):
    X, y = [], []
    for name in sorted(os.listdir(os.path.join(folder, 'images'))):
        img = np.load(os.path.join(folder, 'images', name))
        mask = np.load(os.path.join(folder, 'masks', name))
        X.append(img)
        y.append(mask)
    return np.array(X), np.array(y)


def build_UNet2D_4L(inp_shape, k_size=3):
    data = Input(shape=inp_shape)
    conv1 = Conv2D(8, k_size, activation='relu', padding='same')(data)
    pool1 = MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = Conv2D(16, k_size, activation='relu', padding='same')(pool1)
    pool2 = MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = Conv2D(32, k_size, activation='relu', padding='same')(pool2)
    up4 = concatenate([UpSampling2D(size=(2, 2))(conv3), conv2], axis=3)
    conv4 = Conv2D(16, k_size, activation='relu', padding='same')(up4)
    up5 = concatenate([UpSampling2D(size=(2, 2))(conv4), conv1], axis=3)
    conv5 = Conv2D(8, k_size, activation='relu', padding='same')(up5)
    conv6 = Conv2D(1, 1, activation='sigmoid')(conv5)
    return Model(inputs=data, outputs=conv6)


X, y = loadData('train')
inp_shape = X[0].shape
UNet = build_UNet2D_4L(inp_shape)
UNet.compile(optimizer=Adam(learning_rate=1e-4), loss='binary_crossentropy', metrics=['accuracy'])
UNet.fit(X, y, batch_size=8, epochs=100, validation_split=0.2)
