# Source: https://github.com/keras-team/keras/issues/1752 — Simple Convolution1D generating dimension error: Wrong number of dimensions: expected 3, got 2 with shape (128, 252)
# The user's 252 features per sample and binary labels, read from their saved arrays (fewer samples).
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Dropout, Flatten, Dense

train_data = np.load('train_data.npy')
train_labels = np.load('train_labels.npy')
validation_data = np.load('validation_data.npy')
validation_labels = np.load('validation_labels.npy')
input_size = train_data.shape[1]
train_data = train_data.reshape(train_data.shape + (1,))
validation_data = validation_data.reshape(validation_data.shape + (1,))

model = Sequential()
model.add(Conv1D(
        filters=21,
        kernel_size=3,
        input_shape=(input_size, 1),
        activation='relu',
        kernel_initializer='uniform'))
model.add(MaxPooling1D(pool_size=2))
model.add(Dropout(0.2))

model.add(Flatten())
model.add(Dense(64, activation='relu'))

model.add(Dense(1, activation='sigmoid'))

model.compile(loss='binary_crossentropy',
              optimizer='adam')

history = model.fit(train_data, train_labels, batch_size=128, epochs=1,
                    validation_data=(validation_data, validation_labels))
