# Source: https://github.com/keras-team/keras/issues/12523 (issue description) — modelll.fit([x_train, x_train], y_train, validation_data=(x_val, y_val)) fails: the two-input model's validation inputs are one array
# Fix: the validation inputs given as a list of two arrays, as the training inputs are.
# The user's two-branch GRU classifier (word and POS sequences, 5 classes), with padded index sequences made
# here with NumPy; the Lambda of K.concatenate written with keras.ops; the f1/recall/precision metrics and
# plot_model left out.
import numpy as np
import keras
from keras import optimizers
from keras.layers import Input, Embedding, Bidirectional, GRU, Lambda, Dense
from keras.models import Model

MAX_TEXT_LENGTH = 40
rng = np.random.default_rng(0)
x_train = rng.integers(1, 500, (64, MAX_TEXT_LENGTH))
y_train = keras.utils.to_categorical(rng.integers(0, 5, 64), 5)
x_val = rng.integers(1, 500, (16, MAX_TEXT_LENGTH))
y_val = keras.utils.to_categorical(rng.integers(0, 5, 16), 5)

embedding_layer_pos = Embedding(500, 50)
embedding_layer = Embedding(500, 100)

sentence_input_pos = Input(shape=(MAX_TEXT_LENGTH,), dtype='int32')
embedded_sequences_pos = embedding_layer_pos(sentence_input_pos)
l_lstm_pos = Bidirectional(GRU(50, return_sequences=False))(embedded_sequences_pos)

sentence_input = Input(shape=(MAX_TEXT_LENGTH,), dtype='int32')
embedded_sequences = embedding_layer(sentence_input)
l_lstm = Bidirectional(GRU(50, return_sequences=False))(embedded_sequences)

concatenate = Lambda(lambda x: keras.ops.concatenate(x, -1))([l_lstm, l_lstm_pos])
preds = Dense(5, activation='softmax')(concatenate)

modelll = Model(inputs=[sentence_input_pos, sentence_input], outputs=preds)
modelll.summary()

sgd = optimizers.SGD(momentum=0.9)
modelll.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=["accuracy"])

print("modelll fitting - Hierachical attention network")
modelll.fit([x_train, x_train], y_train, validation_data=([x_val, x_val], y_val), epochs=10, batch_size=64)
