# Source: https://github.com/tensorflow/tensorflow/issues/35154 — Cannot train keras model with 2 outputs: data of shape (50, 20), the labels of both outputs given as one tensor of shape (50, 2)
import tensorflow as tf
from tensorflow import keras  # noqa: F401
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

data = tf.random.normal((50, 20))
labels = tf.cast(tf.random.uniform((50, 2), minval=0, maxval=2, dtype=tf.int32), tf.float32)

inputs = Input(shape=(20,))
x = Dense(32, activation='relu')(inputs)
x = Dense(32, activation='relu')(x)
output_1 = Dense(1, activation='sigmoid', name='output_1')(x)
output_2 = Dense(1, activation='sigmoid', name='output_2')(x)

model = Model(inputs=inputs, outputs=[output_1, output_2])
model.compile(optimizer='adam',
              loss=['binary_crossentropy', 'binary_crossentropy'],
              metrics=['accuracy', 'accuracy'])
model.summary()

model.fit(data, labels, epochs=1, batch_size=5)
