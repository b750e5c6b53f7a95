# Source: https://github.com/lmoroney/dlaicourse/issues/34 — predict: expected flatten_3_input to have 3 dimensions, but got array with shape (28, 28)
# Keras 3 (JAX backend): activation="relu" / "softmax" where the report has tf.nn.relu / tf.nn.softmax.
import tensorflow as tf

mnist = tf.keras.datasets.fashion_mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train / 255.0
x_test = x_test / 255.0

model = tf.keras.models.Sequential([tf.keras.layers.Flatten(),
                                    tf.keras.layers.Dense(128, activation="relu"),
                                    tf.keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(x_train, y_train, epochs=5)
model.evaluate(x_test, y_test)
print(model.predict(x_test[5]))
