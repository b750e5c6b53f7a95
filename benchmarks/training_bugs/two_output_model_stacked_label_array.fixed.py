# Source: https://github.com/tensorflow/tensorflow/issues/36116 (comment by Strateus) — Multiple outputs from a keras model: the targets of both outputs given as one array of shape (1000, 2, 3)
import tensorflow as tf
import numpy as np

num_examples = 1000
input_shape = (10,)
loss_dim = 3
num_losses = 2

features = np.random.random(size=[num_examples] + list(input_shape))
labels = np.random.random(size=[num_examples, num_losses, loss_dim])

inputs = tf.keras.Input(shape=input_shape, name='features')
l1 = tf.keras.layers.Dense(loss_dim, activation='relu', name='l1')(inputs)
l2 = tf.keras.layers.Dense(loss_dim, activation='relu', name='l2')(l1)
model = tf.keras.Model(inputs=inputs, outputs=[l1, l2])


def loss(y, y_hat):
    return tf.keras.ops.abs(y - y_hat)


model.compile(optimizer='adam', loss=[loss, loss], loss_weights=[0.2, 1.])

label_list = [l for l in labels.reshape(num_losses, num_examples, loss_dim)]
model.fit(
    features,
    label_list,
    validation_split=0.2,
    epochs=10,
    batch_size=32
)
