# Source: https://github.com/keras-team/keras/issues/7354 (issue description) — model.fit_generator(data_generator(True, batch_size=batch_size), ...) fails: the generator yields ([X1, X2], y), one target for the model's two outputs
# Fix (the issue's own finding): one target per output, the generator yields ([X1, X2], [y, y]).
# The user's model with inputs input_a, input_b and outputs output_a, output_b (their layers not shown: small
# Dense branches here), a generator of random batches, fit_generator as fit.
import numpy as np
from keras.layers import Input, Dense, concatenate
from keras.models import Model

batch_size = 32
train_steps = 4


def data_generator(train, batch_size=32):
    while True:
        X1 = np.random.rand(batch_size, 10)
        X2 = np.random.rand(batch_size, 6)
        y = np.random.randint(0, 2, (batch_size, 1))
        yield [X1, X2], [y, y]


input_a = Input(shape=(10,))
input_b = Input(shape=(6,))
merged = concatenate([Dense(16, activation='relu')(input_a), Dense(16, activation='relu')(input_b)])
output_a = Dense(1, activation='sigmoid')(merged)
output_b = Dense(1, activation='sigmoid')(merged)

model = Model(inputs=[input_a, input_b], outputs=[output_a, output_b])
model.compile(optimizer='adam', loss=['binary_crossentropy', 'binary_crossentropy'])
model.fit(data_generator(True, batch_size=batch_size),
          steps_per_epoch=train_steps,
          epochs=20)
