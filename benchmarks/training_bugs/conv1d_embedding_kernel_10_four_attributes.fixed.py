# Source: https://github.com/keras-team/keras/issues/6756 — Problem with Conv1D and Embedding Layer: the imdb_cnn example adapted to 60 records of 4 natural-number attributes and a class; Conv1D(25, 10) over sequences of length 4 fails in fit
# Fix: a convolution window no longer than the 4 attributes of a record (kernel_size=3), the imdb_cnn
# example's window of 10 being longer than the sequences.
# The records made here with NumPy (60 rows of 4 attributes, a binary class); the model as posted, built
# by fit on the data (no input shape given).
import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, Dropout, Conv1D, GlobalMaxPooling1D, Dense, Activation

dataset = np.random.randint(0, 60, (60, 5))
dataset[:, 4] = np.random.randint(0, 2, 60)
X = dataset[:, 0:4]
Y = dataset[:, 4]

model = Sequential()
model.add(Embedding(60, 4))
model.add(Dropout(0.2))
# we add a Convolution1D, which will learn filters
# word group filters of size filter_length:
model.add(Conv1D(25, 3,
                 padding='valid',
                 activation='relu',
                 strides=1))
# we use max pooling:
model.add(GlobalMaxPooling1D())
# We add a vanilla hidden layer:
model.add(Dense(25))
model.add(Dropout(0.2))
model.add(Activation('relu'))

# We project onto a single unit output layer, and squash it with a sigmoid:
model.add(Dense(1))
model.add(Activation('sigmoid'))
model.compile(loss='binary_crossentropy',
              optimizer='adam',
              metrics=['accuracy'])
model.fit(X, Y)
