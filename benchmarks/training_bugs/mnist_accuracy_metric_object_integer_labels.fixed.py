# Source: https://github.com/tensorflow/tensorflow/issues/44674 — metrics=[tf.keras.metrics.Accuracy()] gives ValueError (Shapes ... are incompatible) while metrics=['accuracy'] works: integer labels against 10 logits
import tensorflow as tf

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dropout(0.5),
    tf.keras.layers.Dense(10)
])
model.compile(
    optimizer=tf.keras.optimizers.Adam(),
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[tf.keras.metrics.SparseCategoricalAccuracy()]  # Accuracy() compares the labels with the raw outputs
)
model.fit(x_train, y_train, epochs=5)
