# Source: https://github.com/keras-team/keras/issues/5728 — ValueError: Error when checking model input: expected lstm_input_6 to have 3 dimensions, but got array with shape (300, 100)
# Fixed as the answer says: the data given a time axis, (samples, timesteps, features), and the labels one per step.
# The user's script for Keras 3 (keras.layers.wrappers.TimeDistributed as keras.layers.TimeDistributed); dummy data
# as the user made it: 300 rows of 100 values, labels of 10, for an LSTM over sequences of 100 features per step.
from keras.layers import Input, Dense
from keras.models import Sequential
from keras.layers import LSTM
from keras.optimizers import RMSprop, Adadelta
from keras.layers import TimeDistributed
import numpy as np

in_size = 100
out_size = 10
nb_hidden = 8

model = Sequential()
model.add(LSTM(nb_hidden,
               name='lstm',
               activation='tanh',
               return_sequences=True,
               input_shape=(None, in_size)))
model.add(TimeDistributed(Dense(out_size, activation='softmax')))

adadelta = Adadelta(clipnorm=1.)
model.compile(optimizer=adadelta,
              loss='categorical_crossentropy',
              metrics=['accuracy'])

# create dummy data
data_size = 300
timesteps = 5
train = np.zeros((data_size, timesteps, in_size,), dtype=np.float32)
labels = np.zeros((data_size, timesteps, out_size,), dtype=np.float32)
model.fit(train, labels)
