# Source: https://coderoad.ru/45055079 (Stack Overflow 45055079, Keras output layer gives unexpected error) — expected activation_6 to have shape (None, 1) but got array with shape (1652, 2)
# The images and their two-column labels come from the user's files.
import numpy as np
from keras import models
from keras.layers import Conv2D, Activation, BatchNormalization, MaxPooling2D, Flatten, Dense, Dropout
from keras.optimizers import Adam

X_train = np.load('train_images.npy')
y_train = np.load('train_labels.npy')
filt_size, kern_size, maxpool_size = 32, 3, 2
input_shape = X_train.shape[1:]

lenet_model = models.Sequential()
lenet_model.add(Conv2D(filters=filt_size, kernel_size=(kern_size, kern_size), padding='valid', input_shape=input_shape))
lenet_model.add(Activation('relu'))
lenet_model.add(BatchNormalization())
lenet_model.add(MaxPooling2D(pool_size=(maxpool_size, maxpool_size)))
lenet_model.add(Conv2D(filters=64, kernel_size=(kern_size, kern_size), padding='valid'))
lenet_model.add(Activation('relu'))
lenet_model.add(MaxPooling2D(pool_size=(maxpool_size, maxpool_size)))
lenet_model.add(Flatten())
lenet_model.add(Dense(1024, kernel_initializer='uniform'))
lenet_model.add(Activation('relu'))
lenet_model.add(Dense(512, kernel_initializer='uniform'))
lenet_model.add(Activation('relu'))
lenet_model.add(Dropout(0.2))
lenet_model.add(Dense(1, kernel_initializer='uniform'))
lenet_model.add(Activation('sigmoid'))
lenet_model.compile(loss='binary_crossentropy', optimizer=Adam(), metrics=['accuracy'])
lenet_model.fit(X_train, y_train, batch_size=32, epochs=10)
