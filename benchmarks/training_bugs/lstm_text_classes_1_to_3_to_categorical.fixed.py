# Source: https://whosebug.com/question/3634840/Keras-Dense-Layer-Output-Shape-Error (Stack Overflow: Keras Dense Layer Output - Shape Error) — Error when checking target: expected dense_1 to have shape (None, 3) but got array with shape (658118, 4)
# Fix: the classes shifted to 0, 1, 2 before to_categorical, so that there are 3 columns.
import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dense
from keras.utils import to_categorical

max_words, max_len = 5000, 50
X_train = np.random.randint(1, max_words, size=(300, max_len))
y_train = np.random.randint(1, 4, size=(300,))  # the classes 1, 2, 3
X_test = np.random.randint(1, max_words, size=(60, max_len))
y_test = np.random.randint(1, 4, size=(60,))

y_train = to_categorical(y_train - 1)
y_test = to_categorical(y_test - 1)

model = Sequential()
model.add(Embedding(max_words, 100))
model.add(LSTM(64))
model.add((Dense(3, activation='softmax')))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X_train, y_train, batch_size=64, epochs=3, validation_data=(X_test, y_test))
