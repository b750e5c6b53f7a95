# Source: https://github.com/keras-team/keras/issues/7114 — Error with https://keras.io/applications inception tutorial (the tutorial's Dense(200) head trained with flow_from_directory on the user's own class folders)
# Fixed the obvious way: the head as wide as the number of class folders in data/train (5 here), not 200.
# The keras.io applications tutorial the user followed (InceptionV3 base, "let's say we have 200 classes"), then the
# data part they began to show, completed as the Keras blog's flow_from_directory code it follows (train_data_dir,
# validation_data_dir, 150x150, batch 16); fit_generator as fit, the InceptionV3 weights=None (no download where the
# record is made), '../data/...' as 'data/...'. The folders hold 5 classes here (3 and 2 images each), written by the
# recorder; the report does not say how many the user had.
from keras.applications.inception_v3 import InceptionV3
from keras.preprocessing import image
from keras.models import Model
from keras.layers import Dense, GlobalAveragePooling2D
from keras import backend as K

# create the base pre-trained model
base_model = InceptionV3(weights=None, include_top=False)

# add a global spatial average pooling layer
x = base_model.output
x = GlobalAveragePooling2D()(x)
# let's add a fully-connected layer
x = Dense(1024, activation='relu')(x)
# and a logistic layer -- let's say we have 200 classes
import os
predictions = Dense(len(os.listdir('data/train')), activation='softmax')(x)

# this is the model we will train
model = Model(inputs=base_model.input, outputs=predictions)

# first: train only the top layers (which were randomly initialized)
# i.e. freeze all convolutional InceptionV3 layers
for layer in base_model.layers:
    layer.trainable = False

# compile the model (should be done *after* setting layers to non-trainable)
model.compile(optimizer='rmsprop', loss='categorical_crossentropy')

# train the model on the new data for a few epochs
from tensorflow.keras.preprocessing.image import ImageDataGenerator
train_data_dir = 'data/train'
validation_data_dir = 'data/validation'
img_width, img_height = 150, 150
nb_train_samples = 2000
nb_validation_samples = 800
epochs = 50
batch_size = 16

train_datagen = ImageDataGenerator(
    rescale=1. / 255,
    shear_range=0.2,
    zoom_range=0.2,
    horizontal_flip=True)

test_datagen = ImageDataGenerator(rescale=1. / 255)

train_generator = train_datagen.flow_from_directory(
    train_data_dir,
    target_size=(img_width, img_height),
    batch_size=batch_size)

validation_generator = test_datagen.flow_from_directory(
    validation_data_dir,
    target_size=(img_width, img_height),
    batch_size=batch_size)

model.fit(
    train_generator,
    steps_per_epoch=nb_train_samples // batch_size,
    epochs=epochs,
    validation_data=validation_generator,
    validation_steps=nb_validation_samples // batch_size)
