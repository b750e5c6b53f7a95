# Source: https://github.com/keras-team/keras/issues/6856 — fit_generator input dimensions error when using ImageDataGenerator: flow() yields (8, 28, 28, 1) images to an autoencoder whose Input is (784,)
from keras.datasets import mnist
from keras.layers import Input, Dense
from keras.models import Model
from tensorflow.keras.preprocessing.image import ImageDataGenerator

#loading data & reshaping
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(x_train.shape[0], 28, 28, 1)

#building the model
input_img = Input(shape=(784,))
encoded = Dense(30, activation='relu')(input_img)
decoded = Dense(784, activation='sigmoid')(encoded)
autoencoder = Model(input_img, decoded)
autoencoder.compile(optimizer='adam', loss='mse')

#creating ImageDataGenerator
datagen = ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True)
datagen.fit(x_train)

autoencoder.fit(  # `fit_generator` in Keras 2
        #x_train, x_train because the target is to reconstruct the input
        datagen.flow(x_train, x_train, batch_size=8),
        steps_per_epoch=int(len(x_train)/8),
        epochs=64,
       )
