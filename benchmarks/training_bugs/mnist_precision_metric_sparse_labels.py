# Source: https://github.com/tensorflow/tensorflow/issues/28259 — [2.0] fit exception on precision metric: MNIST with sparse_categorical_crossentropy and metrics=[Precision()] fails in fit (the metric compares integer labels of shape (None, 1) with the (None, 10) softmax)
import tensorflow as tf  # noqa: F401
import tensorflow.keras as k

mnist = k.datasets.mnist

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = k.models.Sequential([
    k.layers.Flatten(input_shape=(28, 28)),
    k.layers.Dense(512, activation="elu"),
    k.layers.Dense(10, activation="softmax")
])
model.compile(optimizer='adam',
              loss='sparse_categorical_crossentropy',
              metrics=[k.metrics.Precision()])

model.fit(x_train, y_train, epochs=1)
