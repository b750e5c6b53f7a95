# Source: https://github.com/keras-team/keras/issues/10955 — expected conv2d_3_input to have 4 dimensions, but got array with shape (600, 400, 3)
# The user's model for Keras 3 (keras.layers.convolutional.Conv2D as keras.layers.Conv2D, fit_generator as fit), trained on the
# folders of images with flow_from_directory; the new image read with cv2 (600 x 400 here) and given to predict as it was read.
import cv2
import keras
from keras.models import Sequential
from keras.layers import Activation, Dropout, Flatten, Dense
from tensorflow.keras.preprocessing.image import ImageDataGenerator

model = Sequential()
model.add(keras.layers.Conv2D(32, (3, 3), input_shape=(128, 128, 3)))
model.add(Activation('relu'))
model.add(keras.layers.MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64))
model.add(Activation('relu'))
model.add(Dropout(0.5))
model.add(Dense(1))
model.add(Activation('sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='rmsprop', metrics=['accuracy'])

train_datagen = ImageDataGenerator(rescale=1. / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory('dataset/training', target_size=(128, 128), batch_size=5,
                                                    class_mode='binary')
validation_generator = test_datagen.flow_from_directory('dataset/test', target_size=(128, 128), batch_size=5,
                                                        class_mode='binary')
model.fit(train_generator, steps_per_epoch=2, epochs=1, validation_data=validation_generator, validation_steps=1)

img = cv2.imread('dataset/single_prediction/image.jpg')
result = model.predict(img)
print(result)
