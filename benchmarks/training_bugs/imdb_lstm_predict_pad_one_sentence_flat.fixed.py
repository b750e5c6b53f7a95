# Source: https://github.com/keras-team/keras/issues/2261 — Queries regarding sequence length and predict function: the imdb_lstm example's model, then a user's sentence mapped to a list of word ids and given to pad_sequences as it is (TypeError: object of type 'int' has no len())
# Fix: the one sentence padded as a list of one sequence, a batch of one row.
# The report maps the words with "the dictionary learned from dataset"; a small word index stands for it here.
import numpy as np  # noqa: F401
from keras.preprocessing import sequence
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dense
from keras.datasets import imdb

max_features = 20000
maxlen = 80
batch_size = 32

(X_train, y_train), (X_test, y_test) = imdb.load_data(num_words=max_features)
X_train = sequence.pad_sequences(X_train, maxlen=maxlen)
X_test = sequence.pad_sequences(X_test, maxlen=maxlen)

model = Sequential()
model.add(Embedding(max_features, 128))
model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, validation_data=(X_test, y_test))

word_index = {w: i + 4 for i, w in enumerate(
    "the a and of to is in it this that was movie film great bad good awful loved hated plot".split())}


def find_sentiment(text):
    X = [word_index[w] for w in text.lower().split() if w in word_index]
    X = sequence.pad_sequences([X], maxlen=maxlen)
    pred = model.predict(X, batch_size=1)
    return pred


print(find_sentiment("This movie was great and I loved the plot"))
