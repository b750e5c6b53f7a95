# Source: https://github.com/keras-team/keras/issues/7587 — I'm passing a correct shaped list of arrays but I get this error ValueError: Error when checking target: expected dense_1 to have shape (None, 10) but got array with shape (19541, 1) (load_data returns Python lists of 30-step windows and of next vectors)
# The user's model and fit; load_data (not shown) rebuilt from the shapes the user printed (lists of 30 vectors of 10 values, lists of 10 values),
# reading the candle vectors from the text file; LSTM(input_dim=..., output_dim=20) as an Input of (None, lengthvector) and LSTM(20);
# Dense(output_dim=...) as Dense(units); the TensorBoard callback left out. Small sizes.
import numpy as np
import keras
from keras.models import Sequential
from keras.layers import Dense, Dropout

lengthvector = 10


def load_data(path):
    vectors = np.loadtxt(path, delimiter=',')
    x, y = [], []
    for i in range(len(vectors) - 30):
        x.append(vectors[i:i + 30])
        y.append(vectors[i + 30])
    return x, y


def create_model():
    model = Sequential()
    model.add(keras.Input(shape=(None, lengthvector)))
    # primera capa, esta retorna secuencias.....
    model.add(keras.layers.LSTM(20, return_sequences=True))
    model.add(Dropout(0.2))
    model.add(keras.layers.LSTM(20, return_sequences=False))
    model.add(Dropout(0.2))
    model.add(Dense(lengthvector, activation='sigmoid'))

    model.compile(loss='mse', optimizer='rmsprop', metrics=['accuracy'])

    return model


x_train, y_train = load_data('VectoresVelas2017.txt')
print(str(len(x_train)) + " - " + str(len(x_train[0])) + " - " + str(len(x_train[0][0])))
print(str(len(y_train)) + " - " + str(len(y_train[0])))
x_train, y_train = np.array(x_train), np.array(y_train)  # the fix: arrays, not lists
model = create_model()
model.fit(x_train, y_train, epochs=100, batch_size=32, verbose=1)
