# Source: https://github.com/keras-team/keras/issues/3009 — Error when checking model target with sparse_categorical_crossentropy (x and y given as Python lists)
from keras.layers import Dense, Activation
from keras.models import Sequential

model = Sequential([
    Dense(32, input_dim=2),
    Activation('relu'),
    Dense(10),
    Activation('softmax'),
])
model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd')
model.fit([[0, 1], [1, 1], [1, 0]], [1, 2, 3])
