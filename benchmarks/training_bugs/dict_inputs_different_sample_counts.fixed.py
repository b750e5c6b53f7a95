# Source: https://github.com/tensorflow/tensorflow/issues/48256 — Data cardinality: a two-input, two-output model fit with dicts whose inputs hold 50 and 100 samples (ValueError: Data cardinality is ambiguous: x sizes: 50, 100 y sizes: 50, 100)
import numpy as np
from tensorflow import keras
from tensorflow.keras import Input
from tensorflow.keras.layers import Dense

input1 = Input((500, 500, 3), name='input1')
input2 = Input((700, 500, 3,), name='input2')

l1 = Dense(64, activation='relu')(input1)
l1 = Dense(1, activation='sigmoid', name='output1')(l1)

l2 = Dense(64, activation='relu')(input2)
l2 = Dense(1, activation='sigmoid', name='output2')(l2)

model = keras.Model(inputs=[input1, input2], outputs=[l1, l2])
keras.utils.plot_model(model, 'multi_input_and_output_model.png', show_shapes=True)
model.compile(optimizer='adam', loss={'output1': keras.losses.MeanSquaredError(), 'output2': keras.losses.MeanSquaredError()})
model.summary()

# "some dummy x1 and x2 but with different first dimension" (the report: 50 and 100 samples)
x1 = np.zeros((1, 500, 500, 3), dtype='float32')
y1 = np.zeros((1,))
x2 = np.zeros((2, 700, 500, 3), dtype='float32')
y2 = np.zeros((2,))
# the answer: train on the same number of samples for both inputs
x2, y2 = x2[:len(x1)], y2[:len(y1)]
model.fit({'input1': x1, 'input2': x2}, {'output1': y1, 'output2': y2}, epochs=10)
