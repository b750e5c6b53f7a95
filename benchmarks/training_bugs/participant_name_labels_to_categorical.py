# Source: https://github.com/keras-team/keras/issues/12047 — to_categorical(y_train) on the participants' names: ValueError: invalid literal for int() with base 10: 'Participant1'
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten

# Load data set (x_train.dat: the face images, y_train.dat: whose face each one is)
x_train = np.random.rand(60, 64, 64, 3)
y_train = np.array(["Participant1", "Participant2", "Participant3"] * 20)
epochs = 50

# Create a model and add layers
model = Sequential()

model.add(Flatten(input_shape=x_train.shape[1:]))
model.add(Dense(512, activation='relu', name='fc1'))
model.add(Dropout(0.3))
model.add(Dense(512, activation='relu', name='fc2'))
model.add(Dropout(0.3))
model.add(Dense(1, activation='relu', name='prediction'))

model.summary()

model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['accuracy'])

from keras.utils import to_categorical
y_train = to_categorical(y_train)

history = model.fit(
    x_train,
    y_train,
    epochs=epochs,
    shuffle=True
)
