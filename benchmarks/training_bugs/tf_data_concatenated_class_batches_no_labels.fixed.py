# Source: https://github.com/tensorflow/tensorflow/issues/22727 — Error with model.fit when input is a dataset ("this is because no label information is provided"): batches of five per-class datasets concatenated into one batch, fed to a model compiled with a loss
# Fix: each concatenated batch paired with its targets (here the model's own output shape, (batch, 48, 48, 32)).
# TF1's make_one_shot_iterator().get_next() + tf.concat written with tf.data (zip the five batched datasets, concatenate
# each group of batches); tf.train.AdamOptimizer as keras.optimizers.Adam.
import tensorflow as tf
import numpy as np

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(32, input_shape=(48, 48, 3)))
model.add(tf.keras.layers.Dense(32))

model.summary()

# Compile with optimizer, loss and metrics
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)
model.compile(loss=tf.keras.losses.MeanSquaredError(),  # `tf.keras.losses.mean_squared_error` in the report
              optimizer=optimizer)

# make a dataset from a numpy array
x = np.random.sample((200, 48, 48, 3))
match = tf.data.Dataset.from_tensor_slices(x)

classes = []
for c in range(5):
    # In a real application here a dataset.filter() is used
    class_data = match
    class_data = class_data.batch(4)
    classes.append(class_data)

batch = tf.data.Dataset.zip(tuple(classes)).map(lambda *data: tf.concat(data, axis=0))
batch = batch.map(lambda images: (images, tf.zeros(tf.concat([tf.shape(images)[:3], [32]], axis=0), tf.float64)))

model.fit(
    batch,
    steps_per_epoch=100,
    epochs=100)
