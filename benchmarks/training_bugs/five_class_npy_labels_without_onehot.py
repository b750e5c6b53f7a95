# Source: http://www.readke.com/c/01034051B2022.html — keras报错 Error when checking target: expected dense_1 to have shape (5,) but got array with shape (1,) (五分类)
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Flatten

train_data3 = np.load('./data.npy')
train_label3 = np.load('./label.npy')
nb_classes3 = 5

model = Sequential()
model.add(Flatten(input_shape=train_data3.shape[1:]))
model.add(Dense(64, activation='relu'))
model.add(Dense(nb_classes3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(train_data3, train_label3, batch_size=32, epochs=10)
