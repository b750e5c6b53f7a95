# Source: https://github.com/keras-team/keras/issues/3237 — Exception: A target array with shape (395216, 24) was passed for an output of shape (None, 1) (imdb_lstm.py on data of 23 classes and 41 features)
import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dense, Activation

max_features = 20000
maxlen = 41
batch_size = 32

X_train = np.load('X_train.npy')
y_train = np.load('y_train.npy')  # one-hot
X_test = np.load('X_test.npy')
y_test = np.load('y_test.npy')

print('Build model...')
model = Sequential()
model.add(Embedding(max_features, 128))  # `input_length=maxlen, dropout=0.2` in Keras 1
model.add(LSTM(128, dropout=0.2, recurrent_dropout=0.2))  # try using a GRU instead, for fun
# the answer: the output must have one unit per class of y_train, not one
model.add(Dense(y_train.shape[1]))
model.add(Activation('softmax'))

# try using different optimizers and different optimizer configs
model.compile(loss='categorical_crossentropy',
              optimizer='adam',
              metrics=['accuracy'])

print('Train...')
print(X_train.shape)
print(y_train.shape)
model.fit(X_train, y_train, batch_size=batch_size, epochs=15,
          validation_data=(X_test, y_test))
score, acc = model.evaluate(X_test, y_test,
                            batch_size=batch_size)
print('Test score:', score)
print('Test accuracy:', acc)
