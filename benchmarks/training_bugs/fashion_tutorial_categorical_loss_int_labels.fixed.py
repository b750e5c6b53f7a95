# Source: https://coderoad.ru/53275045 (Stack Overflow 53275045: why does model.fit raise ValueError with categorical_crossentropy in the basic classification tutorial) — ValueError: Error when checking target: expected dense_1 to have shape (10,) but got array with shape (1,)
import tensorflow as tf
from tensorflow import keras

fashion_mnist = keras.datasets.fashion_mnist

(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()

train_images = train_images / 255.0
test_images = test_images / 255.0

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation='relu'),  # activation=tf.nn.relu in the report
    keras.layers.Dense(10, activation='softmax')  # activation=tf.nn.softmax in the report
])

model.compile(optimizer=tf.keras.optimizers.Adam(),  # tf.train.AdamOptimizer() in the report
              loss='sparse_categorical_crossentropy',  # the answer: integer labels need the sparse loss
              metrics=['accuracy'])

model.fit(train_images, train_labels, epochs=5)
