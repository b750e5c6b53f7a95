# Source: https://github.com/keras-team/keras/issues/1838 — LSTM with multiple sequences (3d) input, 11 classes per sequence: Wrong number of dimensions: expected 3, got 2 with shape (128, 11)
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Activation, Dropout, Dense, TimeDistributed  # noqa: F401
from keras.utils import to_categorical

# "My input is 3d: nbsamples*398*40 (398 time steps per sequence, input dimension 40); the output I expect is nbsamples*11"
nb_samples = 64
X_train = np.random.rand(nb_samples, 398, 40)
y_train = to_categorical(np.random.randint(0, 11, nb_samples), 11)

model = Sequential()
model.add(LSTM(128, input_shape=(398, 40), activation='sigmoid', recurrent_activation='hard_sigmoid', return_sequences=False))  # the answer: one output per sequence
model.add(Activation('sigmoid'))
model.add(Dropout(0.2))
model.add(Dense(11))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop')

model.fit(X_train, y_train, batch_size=32, epochs=10)
