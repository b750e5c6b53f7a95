# Source: https://openillumi.com/en/en-fix-keras-data-cardinality-ambiguous-tf-stack (Stack Overflow case) — ValueError: Data cardinality is ambiguous (images and targets given as Python lists)
# A regression from images to five floats; the images and targets are read in a loop from the user's files.
import os
import numpy as np
import tensorflow as tf

data_list = []
y = []
for name in sorted(os.listdir('samples')):
    sample = np.load(os.path.join('samples', name))
    data_list.append(sample['image'])
    y.append(list(sample['target']))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(64, 64, 3)),
    tf.keras.layers.Conv2D(16, 3, activation='relu'),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])
model.compile(optimizer='adam', loss='mse')
model.fit(data_list, y, epochs=10)
