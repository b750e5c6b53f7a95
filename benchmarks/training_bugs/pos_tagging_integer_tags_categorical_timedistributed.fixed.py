# Source: https://github.com/keras-team/keras/issues/3916 — Many-to-many variable-length sequence labeling (such as POS): model.fit(X_pad, y_pad) with the padded tags as integers of shape (M, N), the TimeDistributed softmax compiled with categorical_crossentropy
# The padded sentences and tags and the pretrained word2vec matrix (#853), made here with NumPy; small sizes.
import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, LSTM, TimeDistributed, Dense
from keras.utils import to_categorical

vocab_size = 3000
embed_size = 100
hidden_dim = 64
num_class = 12
M, N = 64, 140  # sentences, padded length

embedding_matrix = np.random.rand(vocab_size, embed_size)
X_pad = np.random.randint(1, vocab_size, size=(M, N))
y_pad = np.random.randint(0, num_class, size=(M, N))
y_pad = to_categorical(y_pad, num_class)  # one-hot tags: (M, N, num_class)
print(X_pad.shape, y_pad.shape)

model = Sequential()

# first embedding layer
model.add(Embedding(input_dim=vocab_size, output_dim=embed_size, mask_zero=True, weights=[embedding_matrix]))

# hidden layer
model.add(LSTM(hidden_dim, return_sequences=True))

# output layer
model.add(TimeDistributed(Dense(num_class, activation='softmax')))

# compile
model.compile(loss='categorical_crossentropy', optimizer='adam')

model.fit(X_pad, y_pad)
