# Source: https://github.com/metal3d/keras-video-generators/issues/20 — problem during predict function call: ValueError: Error when checking input: expected time_distributed_3_input to have 5 dimensions, but got array with shape (480, 640, 3)
# The action model of the package's example (a small convnet in TimeDistributed over 5 frames of 112x112,
# then a GRU), built here rather than trained on the video folders; the webcam frame is a random array and
# the cv2 calls are left out.
import numpy as np
import keras
from keras.layers import (Conv2D, BatchNormalization, MaxPool2D, GlobalMaxPool2D, TimeDistributed, GRU,
                          Dense, Dropout)

classes = ['boxing', 'handclapping', 'handwaving']
SIZE = (112, 112)
CHANNELS = 3
NBFRAME = 5
BS = 5


def build_convnet(shape=(112, 112, 3)):
    momentum = .9
    model = keras.Sequential()
    model.add(Conv2D(64, (3, 3), input_shape=shape, padding='same', activation='relu'))
    model.add(Conv2D(64, (3, 3), padding='same', activation='relu'))
    model.add(BatchNormalization(momentum=momentum))
    model.add(MaxPool2D())
    model.add(Conv2D(128, (3, 3), padding='same', activation='relu'))
    model.add(Conv2D(128, (3, 3), padding='same', activation='relu'))
    model.add(BatchNormalization(momentum=momentum))
    model.add(MaxPool2D())
    model.add(Conv2D(256, (3, 3), padding='same', activation='relu'))
    model.add(Conv2D(256, (3, 3), padding='same', activation='relu'))
    model.add(BatchNormalization(momentum=momentum))
    model.add(MaxPool2D())
    model.add(Conv2D(512, (3, 3), padding='same', activation='relu'))
    model.add(Conv2D(512, (3, 3), padding='same', activation='relu'))
    model.add(BatchNormalization(momentum=momentum))
    # flatten...
    model.add(GlobalMaxPool2D())
    return model


def action_model(shape=(5, 112, 112, 3), nbout=3):
    # Create our convnet with (112, 112, 3) input shape
    convnet = build_convnet(shape[1:])
    # then create our final model
    model = keras.Sequential()
    # add the convnet with (5, 112, 112, 3) shape
    model.add(TimeDistributed(convnet, input_shape=shape))
    # here, you can also use GRU or LSTM
    model.add(GRU(64))
    # and finally, we make a decision network
    model.add(Dense(1024, activation='relu'))
    model.add(Dropout(.5))
    model.add(Dense(512, activation='relu'))
    model.add(Dropout(.5))
    model.add(Dense(128, activation='relu'))
    model.add(Dropout(.5))
    model.add(Dense(64, activation='relu'))
    model.add(Dense(nbout, activation='softmax'))
    return model


INSHAPE = (NBFRAME,) + SIZE + (CHANNELS,)  # (5, 112, 112, 3)
model1 = action_model(INSHAPE, len(classes))
model1.compile(keras.optimizers.Adam(0.001), 'categorical_crossentropy', metrics=['acc'])

# a frame read from the webcam (cap.read())
frame = np.random.randint(0, 255, (480, 640, 3), dtype=np.uint8)
predicted_classes = model1.predict(frame, batch_size=5, verbose=1)
print(predicted_classes)
