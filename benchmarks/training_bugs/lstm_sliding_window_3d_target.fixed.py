# Source: https://github.com/keras-team/keras/issues/13573 — LSTM Error when checking target: expected to have 2 dimensions, but got array with 3D shape
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

data = np.load('signals.npy')
windows = np.array([data[i:i + 10] for i in range(len(data) - 10)])
targets = np.load('window_labels.npy')
targets = targets[:, -1, :]

inputs = tf.keras.Input(shape=(10, 100))
LSTM_1 = layers.LSTM(100, stateful=False, return_sequences=True)(inputs)
FC_1 = layers.Dense(100)(LSTM_1)
LSTM_2 = layers.LSTM(100, stateful=False, return_sequences=False)(FC_1)
label = layers.Dense(5, activation='softmax')(LSTM_2)
model = tf.keras.Model(inputs, label)
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(windows, targets, epochs=10, batch_size=32)
