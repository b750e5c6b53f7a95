# Source: https://github.com/keras-team/keras/issues/7354 — Unclear error message with model.fit/fit_generator (a two-output model whose generator yields one target)
import numpy as np
from keras.layers import Input, Dense, concatenate
from keras.models import Model

batch_size = 32
train_steps = 10


def data_generator(train, batch_size):
    while True:
        X1 = np.random.rand(batch_size, 20)
        X2 = np.random.rand(batch_size, 8)
        y = np.random.randint(0, 2, size=(batch_size, 1))
        yield [X1, X2], [y, y]


input_a = Input(shape=(20,))
input_b = Input(shape=(8,))
merged = concatenate([input_a, input_b])
hidden = Dense(32, activation='relu')(merged)
output_a = Dense(1, activation='sigmoid', name='output_a')(hidden)
output_b = Dense(1, activation='sigmoid', name='output_b')(hidden)
model = Model(inputs=[input_a, input_b], outputs=[output_a, output_b])
model.compile(optimizer='adam', loss='binary_crossentropy')
model.fit(data_generator(True, batch_size=batch_size),
          steps_per_epoch=train_steps,
          epochs=20)
