# Source: https://github.com/HOD101s/RockPaperScissor-AI-/issues/4 — train.py can not work: ValueError: Shapes (None, 4) and (None, 3) are incompatible (the labels one-hot over rock/paper/scissor/ok, the DenseNet head Dense(3))
# Fix: the labels one-hot over the three classes the model predicts (the unused "ok" class dropped).
# train.py of the repository: the rock/paper/scissor photos read from their folders, each kept, flipped and
# zoomed; written here as small PNGs (96x96 instead of 300x300, cv2 calls done with PIL/NumPy), and
# DenseNet121 without the ImageNet weights (no download).
import os

import numpy as np
from PIL import Image
from keras.models import Sequential
from keras.layers import Dense, MaxPool2D, Flatten
from keras.callbacks import EarlyStopping
from keras.optimizers import Adam
from keras.applications.densenet import DenseNet121

DATA_PATH = 'data'
for name in ('rock', 'paper', 'scissor'):
    os.makedirs(os.path.join(DATA_PATH, name), exist_ok=True)
    for k in range(2):
        pixels = np.random.randint(0, 255, (96, 96, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(os.path.join(DATA_PATH, name, f'{k}.png'))

"""Preparing our Data"""

shape_to_label = {'rock': np.array([1., 0., 0.]), 'paper': np.array([0., 1., 0.]),
                  'scissor': np.array([0., 0., 1.])}
arr_to_shape = {np.argmax(shape_to_label[x]): x for x in shape_to_label.keys()}

imgData = list()
labels = list()

for dr in os.listdir(DATA_PATH):
    if dr not in ['rock', 'paper', 'scissor']:
        continue
    lb = shape_to_label[dr]
    i = 0
    for pic in os.listdir(os.path.join(DATA_PATH, dr)):
        path = os.path.join(DATA_PATH, dr + '/' + pic)
        img = np.array(Image.open(path))
        imgData.append([img, lb])
        imgData.append([img[:, ::-1], lb])  # horizontally flipped image
        imgData.append([np.array(Image.fromarray(img[16:80, 16:80]).resize((96, 96))), lb])  # zoom : crop in and resize
        i += 3

np.random.shuffle(imgData)

imgData, labels = zip(*imgData)

imgData = np.array(imgData)
labels = np.array(labels)

"""DenseNet"""

densenet = DenseNet121(include_top=False, weights=None, classes=3, input_shape=(96, 96, 3))
densenet.trainable = True


def genericModel(base):
    model = Sequential()
    model.add(base)
    model.add(MaxPool2D())
    model.add(Flatten())
    model.add(Dense(3, activation='softmax'))
    model.compile(optimizer=Adam(), loss='categorical_crossentropy', metrics=['acc'])
    return model


dnet = genericModel(densenet)

es = EarlyStopping(patience=3)

history = dnet.fit(
    x=imgData,
    y=labels,
    batch_size=16,
    epochs=8,
    callbacks=[es],
    validation_split=0.2
)
