# Source: https://github.com/keras-team/keras/issues/11252 — ValueError: Error when checking target: expected lstm_6 to have 3 dimensions, but got array with shape (9, 15)
# The user's script for Keras 3: the texts tokenised and padded to 15, the targets padded the same way; an Embedding (weights of the
# user's embedding matrix, here zeros) into an LSTM returning sequences, sparse_categorical_crossentropy. input_length dropped (Keras 3).
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Embedding, LSTM
from keras.preprocessing.sequence import pad_sequences

x_train_sequence = [[1, 2, 3], [4, 5], [6, 7, 8, 9], [2, 3], [5, 6, 7], [8], [9, 1], [3, 4, 5], [7, 8]]
y_train_sequence = [[2, 3, 4], [5, 6], [7, 8, 9, 1], [3, 4], [6, 7, 8], [9], [1, 2], [4, 5, 6], [8, 9]]
max_sequence_length = 15
vocab_size = 10
embedding_dim = 50
embedding_matrix = np.zeros((vocab_size, embedding_dim))

x_train_padding_sequences = pad_sequences(x_train_sequence, maxlen=max_sequence_length)
y_train_padding_sequences = pad_sequences(y_train_sequence, maxlen=max_sequence_length)

model = Sequential()
model.add(keras.Input(shape=(15,)))
model.add(Embedding(input_dim=vocab_size, output_dim=embedding_dim, weights=[embedding_matrix], trainable=False))
model.add(LSTM(300, return_sequences=True))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.summary()
model.fit(x_train_padding_sequences, y_train_padding_sequences, epochs=50, verbose=0, validation_split=0.3)
