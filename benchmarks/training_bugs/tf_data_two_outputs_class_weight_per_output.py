# Source: https://github.com/keras-team/keras/issues/11735 — Cannot weight classes when using multiple outputs: a tf.data pipeline (map one-hot, batch, repeat) into a two-output model fit with a class_weight per output (ValueError: `class_weight` is only supported for Models with a single output)
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Dense
from tensorflow.data import Dataset
import tensorflow as tf
import numpy as np


def preprocess_sample(features, labels):
    label1, label2 = labels
    label1 = tf.one_hot(label1, 2)
    label2 = tf.one_hot(label2, 3)
    return features, (label1, label2)


batch_size = 32

num_samples = 1000
num_features = 10

features = np.random.rand(num_samples, num_features)
labels1 = np.random.randint(2, size=num_samples)
labels2 = np.random.randint(3, size=num_samples)

train = Dataset.from_tensor_slices((features, (labels1, labels2))).map(preprocess_sample).batch(batch_size).repeat()

# Model
inputs = Input(shape=(num_features, ))
output1 = Dense(2, activation='softmax', name='output1')(inputs)
output2 = Dense(3, activation='softmax', name='output2')(inputs)
model = Model(inputs, [output1, output2])

model.compile(loss='categorical_crossentropy', optimizer='adam')
class_weights = {'output1': {0: 1, 1: 10}, 'output2': {0: 5, 1: 1, 2: 10}}

model.fit(train, epochs=10, steps_per_epoch=num_samples // batch_size,
          class_weight=class_weights)
