# Source: https://github.com/keras-team/keras/issues/14334 — Functional Api flatten layer requirement: Input(shape=(28,28)) straight into Dense layers, then trained on MNIST with sparse_categorical_crossentropy ("This model will error"; adding Flatten fixes it)
import tensorflow as tf
from tensorflow import keras


def build_base_model():
    """
        Base functional api
    """
    inputs = tf.keras.Input(shape=(28,28))
    x = tf.keras.layers.Dense(64, activation="relu")(inputs)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    outputs = tf.keras.layers.Dense(10, activation='softmax')(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(
        optimizer="sgd",
        loss='sparse_categorical_crossentropy',
        metrics=['accuracy'])
    return model


(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train, x_test = x_train / 255.0, x_test / 255.0

model = build_base_model()
model.fit(x_train[:256], y_train[:256], epochs=1, batch_size=64)
model.evaluate(x_test[:64], y_test[:64])
