# Source: https://codehunter.cc/a/python-3.x/error-when-checking-target-expected-dense-3-to-have-shape-3-but-got-array-with-shape-1 — Error when checking target: expected dense_3 to have shape (3,) but got array with shape (1,)
# The question's setup for Keras 3: three classes of images in folders, read with flow_from_directory in class_mode='binary',
# a small CNN ending in Dense(3, softmax) with categorical_crossentropy (fit_generator as fit).
# Fixed as the answers say: class_mode='categorical' in both generators, the labels one-hot of 3.
from keras import layers, models
from tensorflow.keras.preprocessing.image import ImageDataGenerator

train_dir = 'data/train'
validation_dir = 'data/validation'

model = models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation='relu', input_shape=(150, 150, 3)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation='relu'))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation='relu'))
model.add(layers.Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='rmsprop', metrics=['acc'])

train_datagen = ImageDataGenerator(rescale=1. / 255)
test_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory(train_dir, target_size=(150, 150), batch_size=20,
                                                    class_mode='categorical')
validation_generator = test_datagen.flow_from_directory(validation_dir, target_size=(150, 150), batch_size=20,
                                                        class_mode='categorical')
history = model.fit(train_generator, steps_per_epoch=100, epochs=30, validation_data=validation_generator,
                    validation_steps=50)
