# Source: https://github.com/keras-team/keras/issues/4850 — Exception: Input arrays should have the same number of samples as target arrays. Found 28019580 input samples and 2142942 target samples (character-level classification of domain names: train.txt read whole with .read(), so every character is a sample)
# The user's snippet; nb_epoch= as epochs=, sequence.pad_sequences as keras.utils.pad_sequences.
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dropout, Dense, Activation
from keras.utils import pad_sequences, to_categorical

trainlabels = pd.read_csv('labels.csv', header=None)
trainlabel = trainlabels.iloc[:, 0:1]

path = "train.txt"
X = open(path).read()
path = "test.txt"
T = open(path).read()

# Generate a dictionary of valid characters
valid_chars = {x: idx + 1 for idx, x in enumerate(set(''.join(X)))}

max_features = len(valid_chars) + 1
maxlen = np.max([len(x) for x in X])

# Convert characters to int and pad
X = [[valid_chars[y] for y in x] for x in X]

X_train = pad_sequences(X, maxlen=maxlen)
y_train1 = np.array(trainlabel)
y_train = to_categorical(y_train1)

embedding_vecor_length = 128

model = Sequential()
model.add(Embedding(max_features, embedding_vecor_length))
model.add(LSTM(128))
model.add(Dropout(0.2))
model.add(Dense(18))
model.add(Activation('softmax'))

model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])

model.fit(X_train, y_train, batch_size=128, epochs=15, validation_data=(X_train, y_train), shuffle=True)
score, acc = model.evaluate(X_train, y_train, batch_size=128)
