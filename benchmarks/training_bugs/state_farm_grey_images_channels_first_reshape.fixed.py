# Source: https://github.com/keras-team/keras/issues/5145 — ValueError: Error when checking model input: expected convolution2d_input_1 to have shape (None, 96, 128, 1) but got array with shape (0, 1, 96, 128)
# The user's State Farm script for Keras 3 (Convolution2D(32, 3, 3, border_mode='same') as Conv2D(32, (3, 3), padding='same'),
# nb_epoch as epochs, np_utils as keras.utils; the test part left out): grey images read with cv2 from the ten class folders
# c0..c9 (two each here; the folder input/ beside the script, not ../input/), reshaped channels-first (N, 1, 96, 128) for a model whose input is channels-last (96, 128, 1).
# Fixed as the answers say: the images reshaped channels-last, (N, 96, 128, 1).
import glob
import os
import cv2
import numpy as np
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation, Flatten, Conv2D, MaxPooling2D
from keras.utils import to_categorical

img_rows, img_cols = 96, 128
color_type = 1


def get_im(path):
    img = cv2.imread(path, 0)
    resized = cv2.resize(img, (128, 96))
    return resized


def load_train():
    X_train = []
    y_train = []
    for j in range(10):
        path = os.path.join('input', 'imgs', 'train', 'c' + str(j), '*.jpg')
        files = glob.glob(path)
        for fl in files:
            img = get_im(fl)
            X_train.append(img)
            y_train.append(j)
    return X_train, y_train


def read_and_normalize_train_data():
    train_data, train_target = load_train()
    train_data = np.array(train_data, dtype=np.uint8)
    train_target = np.array(train_target, dtype=np.uint8)
    train_data = train_data.reshape(train_data.shape[0], img_rows, img_cols, 1)
    train_target = to_categorical(train_target, 10)
    train_data = train_data.astype('float32')
    train_data /= 255
    return train_data, train_target


def create_model_v1():
    model = Sequential()
    model.add(Conv2D(32, (3, 3), padding='same', input_shape=(img_rows, img_cols, color_type)))
    model.add(Activation('relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.25))
    model.add(Flatten())
    model.add(Dense(128))
    model.add(Activation('relu'))
    model.add(Dropout(0.5))
    model.add(Dense(10))
    model.add(Activation('softmax'))
    model.compile(optimizer='adadelta', loss='categorical_crossentropy')
    return model


train_data, train_target = read_and_normalize_train_data()
X_train, X_valid, Y_train, Y_valid = train_test_split(train_data, train_target, test_size=0.1, random_state=51)
model = create_model_v1()
model.fit(X_train, Y_train, batch_size=64, epochs=1, verbose=1, validation_data=(X_valid, Y_valid))
