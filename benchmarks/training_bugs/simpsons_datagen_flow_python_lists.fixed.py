# Source: https://github.com/jasmcaus/opencv-course/issues/3 — Execution of the simpsons script breaks: `x` (images tensor) and `y` (labels) should have the same length. Found: x.shape = (80, 80, 1), y.shape = (11047, 10) (the split gave Python lists to datagen.flow)
# caer's preprocess_from_dir / train_val_split and canaro's generator and model, written out: the grey 80x80 images are read from the user's folders of characters (here .npy files), the split returns Python lists.
import os
import numpy as np
import keras  # noqa: F401
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense
from keras.optimizers import SGD
from keras.callbacks import LearningRateScheduler

IMG_SIZE = (80, 80)
channels = 1
char_path = 'simpsons_dataset'

characters = sorted(os.listdir(char_path))[:10]

train = []
for label, character in enumerate(characters):
    folder = os.path.join(char_path, character)
    for name in sorted(os.listdir(folder)):
        train.append([np.load(os.path.join(folder, name)), label])

featureSet = np.array([image for image, _ in train]).reshape(-1, IMG_SIZE[0], IMG_SIZE[1], channels)
labels = np.array([label for _, label in train])
featureSet = featureSet.astype('float32') / 255.0
labels = to_categorical(labels, len(characters))


def train_val_split(X, y, val_ratio=0.2):
    order = np.random.permutation(len(X))
    split = int(len(X) * (1 - val_ratio))
    return ([X[i] for i in order[:split]], [X[i] for i in order[split:]],
            [y[i] for i in order[:split]], [y[i] for i in order[split:]])


x_train, x_val, y_train, y_val = train_val_split(featureSet, labels, val_ratio=.2)
x_train = np.array(x_train)
y_train = np.array(y_train)
x_val = np.array(x_val)
y_val = np.array(y_val)

del train
del featureSet
del labels

BATCH_SIZE = 32
EPOCHS = 10

datagen = ImageDataGenerator(rotation_range=10, width_shift_range=0.1, height_shift_range=0.1,
                             shear_range=0.1, zoom_range=0.1, horizontal_flip=True)
train_gen = datagen.flow(x_train, y_train, batch_size=BATCH_SIZE)

model = Sequential()
model.add(Conv2D(32, (3, 3), padding='same', activation='relu', input_shape=(IMG_SIZE[0], IMG_SIZE[1], channels)))
model.add(Conv2D(32, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))
model.add(Conv2D(64, (3, 3), padding='same', activation='relu'))
model.add(Conv2D(64, (3, 3), activation='relu'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dropout(0.5))
model.add(Dense(1024, activation='relu'))
model.add(Dense(len(characters), activation='softmax'))
optimizer = SGD(learning_rate=0.001, momentum=0.9, nesterov=True)
model.compile(loss='binary_crossentropy', optimizer=optimizer, metrics=['accuracy'])


def schedule(epoch, lr):
    return lr


callbacks_list = [LearningRateScheduler(schedule)]

training = model.fit(train_gen,
                     steps_per_epoch=len(x_train) // BATCH_SIZE,
                     epochs=EPOCHS,
                     validation_data=(x_val, y_val),
                     validation_steps=len(y_val) // BATCH_SIZE,
                     callbacks=callbacks_list)
