# Source: https://www.developerload.com/error-while-using-categoricalcrossentropy (Stack Overflow: Error while using categorical_crossentropy) — ValueError: You are passing a target array of shape (453, 1) while using as loss `categorical_crossentropy`
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense

# the user's next-word data: 453 sequences of word indices (X) and the index of the word that follows (Y)
X = np.load('X.npy')
Y = np.load('Y.npy')
num = int(max(X.max(), Y.max())) + 1  # the vocabulary size
max_len = X.shape[1] + 1

model = tf.keras.Sequential()
model.add(Embedding(num, 64, input_length=max_len-1))   # we subtract 1 coz we cropped the laste word from X in out data
model.add(Bidirectional(LSTM(32)))
model.add(Dense(num, activation='softmax'))


model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])

history = model.fit(X, Y, epochs=500)
