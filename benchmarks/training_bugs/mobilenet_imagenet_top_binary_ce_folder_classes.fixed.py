# Source: https://github.com/keras-team/keras/issues/10574 — keras : fit_generator ERROR (MobileNet(include_top=True) compiled with binary_crossentropy, trained on flow_from_directory batches: ValueError on the target's shape)
# Fixed the obvious way: the network's top sized to the image classes in the folders (classes=2) instead of ImageNet's 1000.
# The user's snippet for Keras 3: MobileNet with its 1000-class ImageNet top (weights=None: no download where the
# record is made), the two flow_from_directory generators (their elided arguments as the defaults, class_mode
# 'categorical'), fit_generator as fit. The sizes, folders and sample counts, not shown, as img 224x224, data/train
# and data/valid with two class folders written by the recorder (4 and 2 images each), batch_size 8, 2 epochs.
from keras.applications import MobileNet
from tensorflow.keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 224, 224
train_data_dir = 'data/train'
valid_data_dir = 'data/valid'
train_samples, valid_samples = 8, 4
batch_size = 8
epochs = 2

model=MobileNet(weights=None, include_top=True, input_shape=(img_width, img_height, 3), classes=2)
model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['accuracy'])

datagen = ImageDataGenerator(featurewise_center=True,
                             featurewise_std_normalization=True,
                             width_shift_range=0.2, height_shift_range=0.2)

train_generator = datagen.flow_from_directory(
                       train_data_dir,
                        target_size=(img_width, img_height),
                        batch_size=batch_size)

datagen = validation_datagen = ImageDataGenerator(rescale=1. / 255)

validation_generator = datagen.flow_from_directory(
                       valid_data_dir,
                        target_size=(img_width, img_height),
                        batch_size=batch_size)

model.fit(
                train_generator,
                steps_per_epoch=train_samples // batch_size,
                epochs=epochs,
                validation_data=validation_generator,
                validation_steps=valid_samples // batch_size,
                verbose=1)
