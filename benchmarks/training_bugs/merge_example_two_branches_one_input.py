# Source: https://github.com/keras-team/keras/issues/2427 — Merge Layer example fails on fit(): the two-branch model of the Sequential guide given one input array (IndexError: list index out of range)
import numpy as np
from keras.models import Sequential, Model
from keras.layers import Input, Dense, concatenate

left_branch = Sequential()
left_branch.add(Dense(32, input_shape=(784,)))  # `input_dim=784` in Keras 1

right_branch = Sequential()
right_branch.add(Dense(32, input_shape=(784,)))

# `final_model.add(Merge([left_branch, right_branch], mode='concat'))` in Keras 1: a model of two inputs
left_input = Input(shape=(784,))
right_input = Input(shape=(784,))
merged = concatenate([left_branch(left_input), right_branch(right_input)])

final_model = Model([left_input, right_input], Dense(10, activation='softmax')(merged))

input1 = np.random.random((100, 784))
target1 = np.random.random((100, 10))

final_model.compile('rmsprop', 'categorical_crossentropy')

final_model.fit(x=input1, y=target1,
                batch_size=32,
                epochs=10)
