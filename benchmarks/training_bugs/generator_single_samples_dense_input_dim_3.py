# Source: https://github.com/keras-team/keras/issues/4641 (issue description) — model.fit_generator(generator1(), samples_per_epoch=10, nb_epoch=10) fails (expected dense_input_1 to have shape (None, 3) but got array with shape (3, 1)): the generator yields single samples, not batches
# The user's script; fit_generator as fit, samples_per_epoch=10 as steps_per_epoch=10, nb_epoch as epochs,
# lr= as learning_rate=.
from keras.models import Sequential
from keras.layers import Dense, Activation
import numpy as np
from keras.optimizers import RMSprop, SGD
model = Sequential()
model.add(Dense(3, input_dim=3))
model.add(Activation('sigmoid'))
model.add(Dense(3))
model.add(Activation('sigmoid'))
model.add(Dense(3, activation='softmax'))

model.compile(optimizer=RMSprop(learning_rate=0.01),
              loss='categorical_crossentropy',
              metrics=['accuracy'])


def generator1():
    i = 0
    inputData = []
    outputData = []
    while i < 10:
        inputData.append([False, True, False])
        outputData.append([False, True, False])
        i = i + 1
        yield np.array([False, True, False]), np.array([False, True, False])
    # yield np.array(inputData),np.array(outputData)


model.fit(generator1(), steps_per_epoch=10, epochs=10)
