# Source: https://github.com/keras-team/keras/issues/13080 — ValueError: Error when checking input: expected lstm_1_input to have 3 dimensions, but got array with shape (321, 1) (sequences of different lengths, 16 features each, in an array of shape (321,))
# Fix (the user's, in the thread): a generator yielding one sequence at a time, a batch of shape
# (1, length, 16) with its label, given to fit (fit_generator in Keras 2) with steps_per_epoch.
# The user's sequences (499902x16, 328942x16, 289301x16, ...) written here as short random ones; NumPy 2
# needs dtype=object to build the array of shape (n,) that the user had.
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, Activation, Dropout

batch_size = 32
epochs = 10

lengths = [57, 33, 41, 60, 25, 48, 39, 52, 30, 45, 36, 58]
X_train = np.array([np.random.rand(n, 16) for n in lengths], dtype=object)
y_train = np.random.randint(0, 2, len(lengths))
print(X_train.shape)  # (12,)


def build_model():
    model = Sequential()
    model.add(LSTM((64), input_shape=(None, 16), return_sequences=True))
    model.add(LSTM((64), return_sequences=False))

    model.add(Dense(64))
    model.add(Activation('relu'))
    model.add(Dropout(0.5))
    model.add(Dense(1))
    model.add(Activation('sigmoid'))

    model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
    return model


def train_generator():
    while True:
        for i in range(len(X_train)):
            yield X_train[i].astype('float32')[np.newaxis], y_train[i:i + 1].astype('float32')


model = build_model()
model.fit(train_generator(), steps_per_epoch=len(X_train), epochs=epochs)
