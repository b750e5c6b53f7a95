# Source: https://github.com/keras-team/keras/issues/10545 — Dimension mismatch during 10 fold cross validation: Input 0 is incompatible with layer conv2d_5: expected ndim=4, found ndim=2
# The layers are added inside the fold loop to one model made before it.
import numpy as np
from sklearn.model_selection import KFold
from keras.models import Sequential
from keras.layers import Conv2D, BatchNormalization, Activation, Flatten, Dense
from keras.utils import to_categorical

data = np.load('signals.npy')
data_y = np.load('signal_labels.npy')
data = data.reshape(500, 1, 1028, 1)
data_y = to_categorical(data_y, 3)

kf = KFold(n_splits=10)
fold = 0
for train, test in kf.split(data):
    model = Sequential()
    fold += 1
    print("Fold #{}".format(fold))
    x_train = data[train]
    y_train = data_y[train]
    x_test = data[test]
    y_test = data_y[test]
    x_train = x_train.reshape(450, 1, 1028, 1)
    model.add(Conv2D(32, (1, 3), input_shape=(1, 1028, 1)))
    model.add(BatchNormalization(axis=-1))
    model.add(Activation('relu'))
    model.add(Conv2D(34, (1, 4)))
    model.add(BatchNormalization(axis=-1))
    model.add(Activation('relu'))
    model.add(Flatten())
    model.add(Dense(3, activation='softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=10, batch_size=32)
