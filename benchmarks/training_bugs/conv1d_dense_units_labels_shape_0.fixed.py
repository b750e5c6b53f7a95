# Source: https://github.com/keras-team/keras/issues/14343 — ValueError: A target array with shape (180568, 80) was passed for an output of shape (None, 180568) while using as loss `categorical_crossentropy`. This loss expects targets to have the same shape as the output.
# Fixed the obvious way (no answer shown): the last Dense has as many units as the targets have columns, not as many as there are samples.
# The user's snippet for Keras 3: features and labels of the traffic dataset read from a CSV (the recorder writes 250
# rows of 80 features and a label; the user's had 225711), the dummy Xtrain/Ytrain made as the user made them with the
# training count (180568 there, 200 here); the model after the two Conv1D layers shown completed as the 1D CNN template
# it follows (Dropout, MaxPooling1D, Flatten, Dense(100)), Dense(n_outputs) and the fit as the error shows them.
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Flatten, Dropout, Conv1D, MaxPooling1D
from sklearn.model_selection import train_test_split

data = pd.read_csv('traffic.csv')
features = data.drop(columns=['label']).values
labels = data['label'].values

# The next step is to split training and testing data. For this we will use sklearn function train_test_split().
features_train, features_test, labels_train, labels_test = train_test_split(features, labels, test_size=.2)

features_train.shape, features_test.shape, labels_train.shape, labels_test.shape

# Here I'm assuming some dummy data
# Xtrain => [180568, 80, 1] (Note that you need Xtrain to be 3D not 2D - So we're adding a channel dimension of 1)
Xtrain = np.expand_dims(np.random.normal(size=(200, 80)), axis=-1)
# Ytrain => [180568, 10]
Ytrain = np.random.choice([0,1], size=(200, 80))

# check shape
Xtrain.shape, Ytrain.shape

n_timesteps, n_features, n_outputs = features_train.shape[0], features_train.shape[1], Ytrain.shape[1]

model = Sequential()
model.add(Conv1D(filters=64, kernel_size=1, activation='relu',input_shape=(n_features, 1)))
model.add(Conv1D(filters=64, kernel_size=1, activation='relu'))
model.add(Dropout(0.5))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(100, activation='relu'))
model.add(Dense(n_outputs, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(Xtrain, Ytrain, epochs=10, batch_size=32, verbose=1)
