# Source: https://github.com/keras-team/keras/issues/11735 — Cannot weight classes when using multiple outputs: a tf.data pipeline (map one-hot, batch, repeat) into a two-output model fit with a class_weight per output (ValueError: `class_weight` is only supported for Models with a single output)
# Fix (the workaround given in the thread): the class weights turned into per-output sample weights in the pipeline,
# the dataset yielding (features, labels, sample_weights), no class_weight.
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Dense
from tensorflow.data import Dataset
import tensorflow as tf
import numpy as np

class_weights = {'output1': {0: 1, 1: 10}, 'output2': {0: 5, 1: 1, 2: 10}}
weights1 = tf.constant([class_weights['output1'][c] for c in range(2)], tf.float32)
weights2 = tf.constant([class_weights['output2'][c] for c in range(3)], tf.float32)


def preprocess_sample(features, labels):
    label1, label2 = labels
    sample_weights = (tf.gather(weights1, label1), tf.gather(weights2, label2))
    label1 = tf.one_hot(label1, 2)
    label2 = tf.one_hot(label2, 3)
    return features, (label1, label2), sample_weights


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

model.fit(train, epochs=10, steps_per_epoch=num_samples // batch_size)
