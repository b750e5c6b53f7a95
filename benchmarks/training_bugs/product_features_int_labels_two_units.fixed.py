# Source: https://github.com/joshloyal/pydata-amazon-products/issues/1 — Error when checking model target: expected dense_2 to have shape (None, 2) but got array with shape (12956, 1)
# Product features and labels computed by the repository's preprocessing, read from files.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout

train_features = np.load('train_features.npy')
train_labels = np.load('train_labels.npy')
dev_features = np.load('dev_features.npy')
dev_labels = np.load('dev_labels.npy')

model = Sequential()
model.add(Dense(256, activation='relu', input_dim=train_features.shape[1]))
model.add(Dropout(0.5))
model.add(Dense(2, activation='softmax'))
model.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(train_features, train_labels,
          epochs=10,
          batch_size=32,
          validation_data=[dev_features, dev_labels])
