# Source: https://github.com/keras-team/keras/issues/16764 (issue description) — model.fit(train_data, batch_size=32, epochs=60, verbose=2, validation_data=valid_data) fails (Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=2): 700 rows of 57 features given to LSTM(input_shape=(700, 57))
# Fix: each row a sequence of 57 steps of one feature: the rows reshaped to (700, 57, 1) and
# input_shape=(57, 1).
# The user's model; their 700 samples of 57 features (x_train (700, 57), y_train (700,), 10 classes) made
# with NumPy and batched in a tf.data pipeline (train_data, valid_data), lr= as learning_rate=, the
# model saved as .keras.
import numpy as np
import tensorflow as tf
import keras

x_train = np.random.rand(700, 57).astype('float32').reshape(700, 57, 1)
y_train = np.random.randint(0, 10, 700)
x_valid = np.random.rand(100, 57).astype('float32').reshape(100, 57, 1)
y_valid = np.random.randint(0, 10, 100)
train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(32)
valid_data = tf.data.Dataset.from_tensor_slices((x_valid, y_valid)).batch(32)

model = keras.Sequential()
model.add(keras.layers.LSTM(64, input_shape=(57, 1), return_sequences=True))
model.add(keras.layers.LSTM(64))
model.add(keras.layers.Dense(64, activation='relu'))
model.add(keras.layers.Dense(10, activation='softmax'))

optimizer = keras.optimizers.Adam(learning_rate=0.001)

model.compile(optimizer=optimizer,
              loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])

model.summary()
history = model.fit(train_data, batch_size=32, epochs=60, verbose=2, validation_data=valid_data)
model.save("LSTM.keras")
