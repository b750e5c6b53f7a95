# Source: https://github.com/IIC2613-Inteligencia-Artificial-2022-1/Syllabus/issues/99 — Dimensiones Red Neuronal: ValueError: Shapes (None, 10) and (None, 130, 13, 10) are incompatible (a Dense model on MFCCs of shape (130, 13, 1), one-hot genres)
# The model and fit the student describes (a Dense with input_shape=(130, 13, 1) and relu, a Dense of 10 with softmax, batch_size=128);
# the MFCCs and genres read from .npy files (the assignment's data, 40 samples here), the labels made categorical as the student says.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Flatten
from keras.utils import to_categorical

x_train = np.load('mfcc_train.npy')
y_train = to_categorical(np.load('genre_train.npy'), 10)

model_1 = Sequential()
model_1.add(Flatten(input_shape=x_train.shape[1:]))  # the fix: flatten the MFCCs first
model_1.add(Dense(64, activation='relu'))
model_1.add(Dense(10, activation='softmax'))
model_1.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])

model_1.fit(x_train, y_train, epochs=5, batch_size=128)
