# Source: https://github.com/keras-team/keras/issues/7544 — Conv1d with Error: expected dense to have shape (None, 800, 1) but got array with shape (200, 1, 1)
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dropout, Activation, MaxPooling1D, Dense

# my train data is (X,Y) with the shape: X.shape=(200,2000,1), Y.shape=(200,1,1)
X = np.random.rand(200, 2000, 1)
Y = np.random.randint(0, 2, (200, 1, 1))

# create model
model = Sequential()
model.add(Conv1D(filters=5, kernel_size=400, activation='relu', input_shape=X.shape[1:]))
model.add(Dropout(0.4))
model.add(Activation('sigmoid'))
model.add(MaxPooling1D())
model.add(Dense(1, activation='sigmoid'))
# Compile model
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
# Fit the model
model.fit(X, Y, epochs=150, batch_size=10, verbose=2)
