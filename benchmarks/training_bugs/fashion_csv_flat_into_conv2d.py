# Source: https://github.com/keras-team/keras/issues/12882 — ValueError: Error when checking input: expected conv2d_3_input to have 4 dimensions, but got array with shape (48000, 784)
# Fashion-MNIST from its CSV file (label, then 784 pixels).
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense, Flatten
from keras.optimizers import Adam

fashion_train_df = pd.read_csv('fashion-mnist_train.csv', sep=',')
training = np.array(fashion_train_df, dtype='float32')
X_train = training[:, 1:] / 255
Y_train = training[:, 0]
X_train, X_validate, Y_train, Y_validate = train_test_split(X_train, Y_train, test_size=0.2, random_state=12345)

cnn_model = Sequential()
cnn_model.add(Conv2D(32, (3, 3), input_shape=(28, 28, 1), activation='relu'))
cnn_model.add(MaxPooling2D(pool_size=(2, 2)))
cnn_model.add(Flatten())
cnn_model.add(Dense(10, activation='softmax'))
cnn_model.compile(loss='sparse_categorical_crossentropy', optimizer=Adam(learning_rate=0.001), metrics=['accuracy'])
epochs = 50
cnn_model.fit(X_train,
              Y_train,
              batch_size=512,
              epochs=epochs,
              verbose=1,
              validation_data=(X_validate, Y_validate))
