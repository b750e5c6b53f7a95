# Source: https://viralsfire.com/post/input-0-of-layer-conv1d-is-incompatible-with-the-layer (Stack Overflow) — Input 0 of layer conv1d is incompatible with the layer: expected min_ndim=3, found ndim=2. Full shape received: (None, 30)
import numpy as np
from tensorflow.keras.layers import Input, Conv1D, GlobalMaxPooling1D, Dense
from tensorflow.keras.models import Model

series_input_train = np.load('series_train.npy')
y_train = np.load('series_targets.npy')

series_input = Input(shape=(series_input_train.shape[1], ), name='series_input')
x = Conv1D(filters=32, kernel_size=5, strides=1, padding="causal", activation="relu")(series_input)
x = GlobalMaxPooling1D()(x)
output = Dense(1)(x)
model = Model(inputs=series_input, outputs=output)
model.compile(loss='mse', optimizer='adam')
model.fit(series_input_train, y_train, epochs=10)
