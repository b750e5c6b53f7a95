# Source: https://github.com/x4nth055/pythoncode-tutorials/issues/12 — Training issue (the tutorial's SMS spam classifier: Tokenizer, pad_sequences, an LSTM with a 2-unit softmax and categorical_crossentropy) with y_train.shape (4181,): ValueError at model.fit
# Fix (the tutorial's own code): the label ids one-hot encoded with to_categorical, as the 2-unit softmax needs.
# The SMS messages are made here; a random matrix stands for the GloVe vectors; keras_metrics' precision and recall are
# Keras's own metrics; `X = np.array(X)` before padding is left out (NumPy 2 refuses the ragged lists).
import random
import numpy as np
from tensorflow.keras.preprocessing.text import Tokenizer
from keras.utils import pad_sequences
from keras.layers import Embedding, LSTM, Dropout, Dense
from keras.models import Sequential
from keras.metrics import Precision, Recall
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split

SEQUENCE_LENGTH = 100  # the length of all sequences (number of words per sample)
EMBEDDING_SIZE = 100  # Using 100-Dimensional GloVe embedding vectors
TEST_SIZE = 0.25  # ratio of testing set
BATCH_SIZE = 64
EPOCHS = 20  # number of epochs

label2int = {"ham": 0, "spam": 1}
int2label = {0: "ham", 1: "spam"}


def load_data():
    """Loads SMS Spam Collection dataset (made here)"""
    words = "free win prize call now txt claim urgent cash hi how are you see later ok lunch tomorrow home love".split()
    texts, labels = [], []
    for i in range(160):
        labels.append("spam" if i % 5 == 0 else "ham")
        texts.append(' '.join(random.choice(words) for _ in range(random.randint(3, 25))))
    return texts, labels


def get_model(tokenizer, lstm_units):
    embedding_matrix = np.random.rand(len(tokenizer.word_index) + 1, EMBEDDING_SIZE)
    model = Sequential()
    model.add(Embedding(len(tokenizer.word_index) + 1,
                        EMBEDDING_SIZE,
                        weights=[embedding_matrix],
                        trainable=False))
    model.add(LSTM(lstm_units, recurrent_dropout=0.2))
    model.add(Dropout(0.3))
    model.add(Dense(2, activation="softmax"))
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy",
                  metrics=["accuracy", Precision(), Recall()])
    return model


# load the data
X, y = load_data()

# Text tokenization
tokenizer = Tokenizer()
tokenizer.fit_on_texts(X)
X = tokenizer.texts_to_sequences(X)
y = np.array(y)
X = pad_sequences(X, maxlen=SEQUENCE_LENGTH)

y = [label2int[label] for label in y]
y = to_categorical(y)

# split and shuffle
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=TEST_SIZE, random_state=7)

model = get_model(tokenizer=tokenizer, lstm_units=128)
print("X_train.shape:", X_train.shape)
print("y_train.shape:", y_train.shape)
model.fit(X_train, y_train, validation_data=(X_test, y_test),
          batch_size=BATCH_SIZE, epochs=EPOCHS,
          verbose=1)
