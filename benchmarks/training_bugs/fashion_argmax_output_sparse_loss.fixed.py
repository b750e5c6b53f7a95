# Source: https://github.com/tensorflow/tensorflow/issues/33855 — Tensorflow 2 Integer Labels: a model whose output is the argmax class (shape (batch,)) given to SparseCategoricalCrossentropy, which wants one probability per class
import tensorflow as tf
from tensorflow.keras.datasets import fashion_mnist
from keras import ops

(train_X, train_Y), (test_X, test_Y) = fashion_mnist.load_data()

train_X = train_X.reshape(-1, 28, 28, 1)
test_X = test_X.reshape(-1, 28, 28, 1)

train_X = train_X.astype('float32')
test_X = test_X.astype('float32')
train_X = train_X / 255
test_X = test_X / 255

train_L = len(train_X)
test_L = len(test_X)

x_input = tf.keras.Input(dtype=tf.dtypes.float32, shape=[28, 28, 1])

x = tf.keras.layers.Flatten()(x_input)
y_logits = tf.keras.layers.Dense(10)(x)
y_probability = tf.keras.layers.Softmax()(y_logits)
y_output = ops.argmax(y_probability, axis=1)  # `tf.math.argmax(..., output_type=tf.dtypes.int32)` in TF 2.0
y_output = ops.cast(y_output, 'float32')  # `tf.dtypes.cast(y_output, tf.float32)` in TF 2.0

model = tf.keras.Model(inputs=x_input, outputs=y_probability)  # one probability per class for the sparse loss

model.compile(
    optimizer=tf.keras.optimizers.SGD(learning_rate=1e-3),
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),

    metrics=[
        # 'accuracy'
        tf.keras.metrics.SparseCategoricalAccuracy()  # compares the label with the most probable class
    ]
)

# Trains for 5 epochs
model.fit(x=train_X, y=train_Y, batch_size=32, epochs=5)
