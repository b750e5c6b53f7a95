# Source: https://github.com/tensorflow/tensorflow/issues/43068 — Model Predict problem when used one data at a time: learning the sum of 2 digits, model.predict on one pair warns "Model was constructed with shape (None, 2) ... but it was called on an input with incompatible shape (None, 1)"
# Rebuilt from the description (the notebook is not in the report): inputs of 2 ints, one output, a functional model with Input(shape=(2,)),
# trained on a batch, then predicting on one pair at a time.
import numpy as np
import keras
from keras import layers

x = np.random.randint(0, 10, size=(1000, 2)).astype('float32')
y = x.sum(axis=1)

inputs = keras.Input(shape=(2,))
hidden = layers.Dense(16, activation='relu')(inputs)
outputs = layers.Dense(1)(hidden)
model = keras.Model(inputs, outputs)
model.compile(optimizer='adam', loss='mse')
model.fit(x, y, epochs=5, batch_size=32)

print(model.predict(x[:10]))  # a batch: works
for pair in x[:3]:
    print(model.predict(pair[None]))  # one pair at a time, as a batch of one
