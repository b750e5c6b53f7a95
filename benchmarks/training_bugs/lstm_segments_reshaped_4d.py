# Source: https://github.com/keras-team/keras/issues/7403 — Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=4
# Segments of 400 samples of 3 features (x, y, z) cut from the user's CSV file.
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dropout, Dense, Flatten
from tensorflow.keras.optimizers import Adam

data = np.loadtxt('accelerometer.csv', delimiter=',')
segments = data[:, :3].reshape(-1, 400, 3)
labels = data[::400, 3].astype('int')
x_train, x_test = segments[:836], segments[836:]
y_train, y_test = labels[:836], labels[836:]

x_train = x_train.reshape(836, 400, 3, 1)
x_test = x_test.reshape(209, 400, 3, 1)

model = Sequential()
model.add(LSTM(32, input_shape=(400, 3), return_sequences=True))
model.add(Dropout(0.5))
model.add(Dense(100, activation='relu'))
model.add(Flatten())
model.add(Dense(64, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(3, activation='softmax'))
model.compile(optimizer=Adam(learning_rate=0.001), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
history = model.fit(x_train, y_train, epochs=10, validation_data=(x_test, y_test), verbose=1)
