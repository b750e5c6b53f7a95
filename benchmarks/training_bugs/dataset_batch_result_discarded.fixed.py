# Source: https://github.com/tensorflow/tensorflow/issues/22862 — Tf keras functional model with tf dataset input (dataset.batch(10) called without keeping its result)
import tensorflow as tf
import tensorflow.keras as keras
import numpy as np

data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))
dataset = tf.data.Dataset.from_tensor_slices((data, labels))
print(dataset)
dataset = dataset.batch(10)
dataset = dataset.repeat()

inputs = keras.Input(shape=(32,))
x = keras.layers.Dense(64, activation='relu')(inputs)
x = keras.layers.Dense(64, activation='relu')(x)
predictions = keras.layers.Dense(10, activation='softmax')(x)

model = keras.Model(inputs=inputs, outputs=predictions)
model.compile(optimizer=keras.optimizers.RMSprop(0.001),
              loss='categorical_crossentropy',
              metrics=['accuracy'])
model.fit(dataset, epochs=10, steps_per_epoch=30)
