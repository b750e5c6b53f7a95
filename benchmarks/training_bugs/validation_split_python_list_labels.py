# Source: https://github.com/serkanars/turkishsentimentanalysis/issues/2 — Validation split is only supported for Tensors or NumPy arrays
# Reviews and their ratings read from the user's JSON file; the labels stay a Python list.
import json
import numpy as np  # noqa: F401
from keras.models import Sequential
from keras.layers import Embedding, GRU, Dense
from keras.utils import pad_sequences

with open('reviews.json') as f:
    data = json.load(f)
texts = [d['text'] for d in data]
y_train = [d['label'] for d in data]

word_index = {}
for text in texts:
    for word in text.split():
        word_index.setdefault(word, len(word_index) + 1)
x_train_tokens = [[word_index[w] for w in text.split()] for text in texts]
num_words = len(word_index) + 1
max_tokens = 20
x_train_pad = pad_sequences(x_train_tokens, maxlen=max_tokens)

model = Sequential()
model.add(Embedding(input_dim=num_words, output_dim=50, name='embedding_layer'))
model.add(GRU(units=16, return_sequences=True))
model.add(GRU(units=8))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
history = model.fit(x_train_pad, y_train, validation_split=0.25, epochs=5, batch_size=256)
