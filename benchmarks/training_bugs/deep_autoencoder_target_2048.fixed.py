# Source: https://manongdao.com/article-1261968.html (Stack Overflow: Deep autoencoder in Keras converting one dimension) — caption vectors (128) to image vectors (2048)
import numpy as np
from keras.layers import Input, Dense
from keras.models import Model

training_data_x = np.load('captions_train.npy')
training_data_y = np.load('images_train.npy')
test_data_x = np.load('captions_test.npy')
test_data_y = np.load('images_test.npy')

x_dim = 128
y_dim = 2048
x_dim_shape = Input(shape=(x_dim,))
encoded = Dense(512, activation='relu')(x_dim_shape)
encoded = Dense(1024, activation='relu')(encoded)
encoded = Dense(y_dim, activation='relu')(encoded)

decoded = Dense(1024, activation='relu')(encoded)
decoded = Dense(512, activation='relu')(decoded)
decoded = Dense(x_dim, activation='sigmoid')(decoded)

autoencoder = Model(inputs=x_dim_shape, outputs=decoded)
encoder = Model(inputs=x_dim_shape, outputs=encoded)

autoencoder.compile(optimizer='adadelta', loss='binary_crossentropy')
autoencoder.fit(training_data_x, training_data_x,
                epochs=50,
                batch_size=256,
                shuffle=True,
                validation_data=(test_data_x, test_data_x))
