# Source: https://github.com/keras-team/keras/issues/12523 — I got some questions: modelll.fit([x_train, x_train], y_train, validation_data=(x_val, y_val)) on a two-input model (the validation inputs given as one array)
# The padded word indices and one-hot sentiment labels, made here with NumPy; the user's f1/recall/precision metrics left out.
import numpy as np
from keras.layers import Input, Embedding, Bidirectional, GRU, Lambda, Dense
from keras.models import Model
from keras import optimizers, ops
from keras.utils import to_categorical

MAX_TEXT_LENGTH = 100
MAX_NB_WORDS = 5000
EMBEDDING_DIM = 100

x_train = np.random.randint(1, MAX_NB_WORDS, size=(80, MAX_TEXT_LENGTH))
y_train = to_categorical(np.random.randint(0, 5, size=80), 5)
x_val = np.random.randint(1, MAX_NB_WORDS, size=(20, MAX_TEXT_LENGTH))
y_val = to_categorical(np.random.randint(0, 5, size=20), 5)

embedding_layer_pos = Embedding(MAX_NB_WORDS, EMBEDDING_DIM)
embedding_layer = Embedding(MAX_NB_WORDS, EMBEDDING_DIM)

sentence_input_pos = Input(shape=(MAX_TEXT_LENGTH,), dtype='int32')
embedded_sequences_pos = embedding_layer_pos(sentence_input_pos)
l_lstm_pos = Bidirectional(GRU(50, return_sequences=False))(embedded_sequences_pos)

sentence_input = Input(shape=(MAX_TEXT_LENGTH,), dtype='int32')
embedded_sequences = embedding_layer(sentence_input)
l_lstm = Bidirectional(GRU(50, return_sequences=False))(embedded_sequences)

concatenate = Lambda(lambda x: ops.concatenate(x, -1))([l_lstm, l_lstm_pos])
preds = Dense(5, activation='softmax')(concatenate)

modelll = Model(inputs=[sentence_input_pos, sentence_input], outputs=preds)
print(modelll.summary())

sgd = optimizers.SGD(momentum=0.9)
modelll.compile(loss='categorical_crossentropy',
                optimizer=sgd,
                metrics=["accuracy"])

print("modelll fitting - Hierachical attention network")
modelll.fit([x_train, x_train], y_train, validation_data=(x_val, y_val), epochs=10, batch_size=64)
