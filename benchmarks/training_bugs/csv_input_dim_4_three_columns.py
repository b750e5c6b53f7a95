# Source: https://github.com/keras-team/keras/issues/9282 — Getting shape error: expected dense_76_input to have shape (None, 4) but got array with shape (10, 3)
# The answer fixed input_dim; the fixed version also gives the regression target a loss it can take (y is one number).
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam
from keras.losses import binary_crossentropy

data = pd.read_csv("mk.csv")
dataset = data.values

x = dataset[:, 0:3]
y = dataset[:, 3]
model = Sequential()

model = Sequential()
model.add(Dense(8, input_dim=4, activation='relu'))
model.add(Dense(3, activation='softmax'))

model.compile(optimizer=Adam(learning_rate=0.1), loss=binary_crossentropy, metrics=['accuracy'])
model.fit(x, y, epochs=505)
