# Source: https://github.com/mikesmales/Udacity-ML-Capstone/issues/5 — num_labels in the output layer: while calculating the pre-training accuracy, ValueError: Shapes (None, 31) and (None, 99, 31) are incompatible (X.shape (67871, 99, 32), Y.shape (67871, 31))
# Fixed the obvious way (no answer given): the frames flattened first, so that the output is one row of 31 per clip.
# The repository's notebook 3 (the MLP cells up to the pre-training accuracy) on the user's own features: 99 frames of
# 32 coefficients per clip and 31 labels, the MLP's input_shape=(40,) made (99, 32) for them as the error's shapes
# show. The %store'd arrays (x_train, x_test, y_train, y_test, yy) as .npy files the recorder writes (80 clips);
# np_utils left out (gone from Keras 3, unused).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation, Flatten
from keras.layers import Convolution2D, MaxPooling2D
from keras.optimizers import Adam
from sklearn import metrics

# retrieve the preprocessed data from previous notebook
x_train = np.load('x_train.npy')
x_test = np.load('x_test.npy')
y_train = np.load('y_train.npy')
y_test = np.load('y_test.npy')
yy = np.load('yy.npy')

num_labels = yy.shape[1]
filter_size = 2

# Construct model
model = Sequential()

model.add(Flatten(input_shape=(99, 32)))
model.add(Dense(256))
model.add(Activation('relu'))
model.add(Dropout(0.5))

model.add(Dense(256))
model.add(Activation('relu'))
model.add(Dropout(0.5))

model.add(Dense(num_labels))
model.add(Activation('softmax'))

# Compile the model
model.compile(loss='categorical_crossentropy', metrics=['accuracy'], optimizer='adam')

# Display model architecture summary
model.summary()

# Calculate pre-training accuracy
score = model.evaluate(x_test, y_test, verbose=0)
accuracy = 100*score[1]

print("Pre-training accuracy: %.4f%%" % accuracy)
