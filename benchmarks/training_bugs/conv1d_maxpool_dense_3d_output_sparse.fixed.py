# Source: https://github.com/keras-team/keras/issues/5423 — Error when checking model target: expected dense_1 to have 3 dimensions, but got array with shape (8544, 5)
# Sentences as windows of word2vec vectors, built from the user's files (here an .npy file).
import numpy as np
from keras.layers import Dense, Conv1D, MaxPooling1D, Dropout
from keras.models import Sequential

MAX_LEN = 100
h = 3
output_feature = 100
VECTOR_LEN = 300
label_num = 5
model = Sequential()
model.add(Conv1D(output_feature, h, input_shape=(MAX_LEN - h + 1, h * VECTOR_LEN), padding="same"))
model.add(MaxPooling1D(MAX_LEN - h + 1))
model.add(Dropout(0.5))
from keras.layers import Flatten
model.add(Flatten())
model.add(Dense(label_num, activation="softmax"))
model.compile(optimizer="Adadelta", loss="sparse_categorical_crossentropy", metrics=['accuracy'])

train_feature = np.load('train_feature.npy')
train_label = np.load('train_label.npy')
model.fit(train_feature, train_label, batch_size=50, epochs=10)
