# Source: https://github.com/keras-team/keras/issues/7332 — input_shape error: Error when checking input: expected dense_15_input to have 2 dimensions, but got array with shape (42000, 1, 28, 28) (the CNN was defined as baseline_model_CNN but baseline_model, the dense one, was called)
# The user's script; the digits read from Kaggle's train.csv (label and 784 pixels, 100 rows here), baseline_model (not shown) as the
# tutorial's dense baseline the CNN came from; the Theano layout (1, 28, 28) as channels-last (28, 28, 1).
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten, Conv2D, MaxPooling2D
from keras.utils import to_categorical

train = pd.read_csv('train.csv')
target = to_categorical(train['label'].values)
num_classes = target.shape[1]
num_pixels = 784
trainMatrix = train.drop('label', axis=1).values.reshape(-1, 28, 28, 1).astype('float32') / 255


def baseline_model():
    model = Sequential()
    model.add(Dense(num_pixels, input_dim=num_pixels, kernel_initializer='normal', activation='relu'))
    model.add(Dense(num_classes, kernel_initializer='normal', activation='softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    return model


def baseline_model_CNN():
    model = Sequential()
    model.add(Conv2D(32, (5, 5), input_shape=(28, 28, 1), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dropout(0.2))
    model.add(Flatten())
    model.add(Dense(128, activation='relu'))
    model.add(Dense(num_classes, activation='softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    return model


model = baseline_model_CNN()
model.fit(trainMatrix, target, epochs=10, batch_size=200, verbose=2)
