# Source: https://github.com/keras-team/keras/issues/13151 — BEFORE(Error when checking input: expected conv1d_37_input to have 3 dimensions, but got array with shape (50000, 2)) AFTER( Input 0 is incompatible with layer conv1d_39: expected ndim=3, found ndim=4
# The user's script for Keras 3 (keras.layers.convolutional as keras.layers): two features and a label read from CSV files
# (veriyeni1/veriyeni2, 60 rows here), Conv1D given input_shape=X_train.shape, the last Dense of Y_train.shape[0] units.
# Fixed as the answers say: a feature axis added (samples, 2, 1), input_shape=(timesteps, features), outputs = label columns
# (the one-hot labels' width); kernels of 1 and no pooling, two steps being too short for kernels of 3.
import numpy as np
from pandas import read_csv
from keras.models import Sequential
from keras.layers import Dense, Flatten, Dropout, Conv1D, MaxPooling1D
from sklearn.model_selection import train_test_split

seed = 737454
np.random.seed(seed)
veriyeni1 = read_csv('veriyeni1.csv')
veriyeni2 = read_csv('veriyeni2.csv')
X = veriyeni1.values[:]
Y = veriyeni2.values[:]

(X_train, X_test, Y_train, Y_test) = train_test_split(X, Y, test_size=0.33, random_state=seed)
X_train = np.expand_dims(X_train, axis=2)
print(X_train.shape)

n_timesteps, n_features, n_outputs = X_train.shape[1], X_train.shape[2], Y_train.shape[1]
verbose, epochs, batch_size = 0, 10, 32
model = Sequential()
model.add(Conv1D(filters=64, kernel_size=1, activation='relu', input_shape=(n_timesteps, n_features)))
model.add(Conv1D(filters=64, kernel_size=1, activation='relu'))
model.add(Dropout(0.5))
model.add(Flatten())
model.add(Dense(100, activation='relu'))
model.add(Dense(n_outputs, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X_train, Y_train, epochs=epochs, batch_size=batch_size, verbose=verbose)
