# Source: https://github.com/keras-team/keras/issues/11807 — Data generator shape checking: binary classification with flow_from_directory(class_mode='binary') into an Xception fine-tuning model with num_class = 2 (error checking the target's shape)
# Fixed as the two-unit softmax head needs: the generators' class_mode='categorical' (one-hot targets of 2 columns).
# The user's code for Keras 3: the data part as posted (the Keras blog's generators, class_mode='binary'); the model,
# cut off after "num_class = 2 / # create the base pre-trained m...", as the keras.io applications fine-tuning recipe
# it follows (Xception base without top, GlobalAveragePooling2D, Dense(1024), Dense(num_class, softmax),
# categorical_crossentropy); img_width/img_height (not shown) as the blog's 150; weights=None (no download where the
# record is made), ImageDataGenerator from tensorflow.keras, fit_generator as fit. The data/train, data/test and
# data/validation folders with two classes are written by the recorder (3 images each).
from keras.applications.xception import Xception
from keras.models import Model
from keras.layers import Dense, GlobalAveragePooling2D
from keras import backend as K
from tensorflow.keras.preprocessing.image import ImageDataGenerator

img_width, img_height = 150, 150

train_data_dir = 'data/train'
validation_data_dir = 'data/test'
test_data_dir = 'data/validation'
nb_train_samples = 857
nb_validation_samples = 216
nb_test_samples = 270
epochs = 50
batch_size = 32

if K.image_data_format() == 'channels_first':
    input_shape = (3, img_width, img_height)
else:
    input_shape = (img_width, img_height, 3)

# this is the augmentation configuration we will use for training
train_datagen = ImageDataGenerator(
    rescale=1. / 255,
    shear_range=0.2,
    zoom_range=0.2,
    horizontal_flip=True)

# this is the augmentation configuration we will use for testing:
# only rescaling
test_datagen = ImageDataGenerator(rescale=1. / 255)

train_generator = train_datagen.flow_from_directory(
    train_data_dir,
    target_size=(img_width, img_height),
    batch_size=batch_size,
    class_mode='categorical')

validation_generator = test_datagen.flow_from_directory(
    validation_data_dir,
    target_size=(img_width, img_height),
    batch_size=batch_size,
    class_mode='categorical')

num_class = 2
# create the base pre-trained model
base_model = Xception(weights=None, include_top=False, input_shape=input_shape)

# add a global spatial average pooling layer
x = base_model.output
x = GlobalAveragePooling2D()(x)
# let's add a fully-connected layer
x = Dense(1024, activation='relu')(x)
# and a logistic layer
predictions = Dense(num_class, activation='softmax')(x)

# this is the model we will train
model = Model(inputs=base_model.input, outputs=predictions)

# first: train only the top layers (which were randomly initialized)
for layer in base_model.layers:
    layer.trainable = False

model.compile(optimizer='rmsprop', loss='categorical_crossentropy', metrics=['accuracy'])

model.fit(
    train_generator,
    steps_per_epoch=nb_train_samples // batch_size,
    epochs=epochs,
    validation_data=validation_generator,
    validation_steps=nb_validation_samples // batch_size)
