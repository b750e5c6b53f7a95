# Source: https://github.com/keras-team/keras-preprocessing/issues/278 — If class_mode="categorical", y_col column values must be type string, list or tuple: flow_from_dataframe over an annotation DataFrame whose 8 disease columns (N, D, G, C, A, H, M, O) hold 0/1 labels (TypeError)
# Fix (the answer): class_mode='raw', the 8 columns given as they are, one 0/1 vector per image.
# The fundus images and the annotation table are made here (24 small PNGs); a small CNN stands for the user's model.
import os
import numpy as np
import pandas as pd
from PIL import Image
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from keras import layers, models

img_shape = 64
batch_size = 8
labels = ['N', 'D', 'G', 'C', 'A', 'H', 'M', 'O']

os.makedirs("data", exist_ok=True)
names = []
for i in range(24):
    name = f"{i}_left.png"
    Image.fromarray(np.random.randint(0, 256, (img_shape, img_shape, 3), dtype=np.uint8)).save(os.path.join("data", name))
    names.append(name)
onehot = np.eye(len(labels), dtype=int)[np.arange(24) % len(labels)]
annotation = pd.DataFrame({"Image": names, **{label: onehot[:, k] for k, label in enumerate(labels)}})

train_data_gen = ImageDataGenerator(rescale=1. / 255)
train_generator_1 = train_data_gen.flow_from_dataframe(annotation,
                                                       directory="data",
                                                       target_size=(img_shape, img_shape),
                                                       x_col="Image",
                                                       y_col=['N', 'D', 'G', 'C', 'A', 'H', 'M', 'O'],
                                                       class_mode='raw',
                                                       shuffle=False,
                                                       batch_size=batch_size,
                                                       seed=7)

model = models.Sequential([
    layers.Input(shape=(img_shape, img_shape, 3)),
    layers.Conv2D(16, 3, activation='relu'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(len(labels), activation='sigmoid'),
])
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
model.fit(train_generator_1, epochs=5)
