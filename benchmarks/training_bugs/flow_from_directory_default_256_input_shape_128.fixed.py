# Source: https://github.com/keras-team/keras/issues/19367 — Input 0 of layer "dense_2" is incompatible with the layer: expected axis -1 of input shape to have value 16384, but received input with shape (None, 65536) (the convolutions built for 128x128 images, flow_from_directory's default target_size of 256x256)
# The training and validation images are read from the user's folders of classes (here small PNG files).
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from keras.layers import Dense, Conv2D, MaxPool2D, Flatten
from keras.models import Sequential

train_datagen = ImageDataGenerator(rescale=1. / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
test_datagen = ImageDataGenerator(rescale=1. / 255)

training_set = train_datagen.flow_from_directory('dataset/training_set', batch_size=32, class_mode='categorical')
validation_set = test_datagen.flow_from_directory('dataset/test_set', batch_size=32, class_mode='categorical')

model = Sequential()
model.add(Conv2D(16, (3, 3), padding='same', activation='relu', input_shape=(256, 256, 3)))
model.add(MaxPool2D(2, 2))
model.add(Conv2D(32, (3, 3), padding='same', activation='relu'))
model.add(MaxPool2D(2, 2))
model.add(Conv2D(64, (3, 3), padding='same', activation='relu'))
model.add(MaxPool2D(2, 2))
model.add(Flatten())
model.add(Dense(128, activation='relu'))
model.add(Dense(3, activation='softmax'))
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])

history = model.fit(x=training_set, validation_data=validation_set, epochs=10)
