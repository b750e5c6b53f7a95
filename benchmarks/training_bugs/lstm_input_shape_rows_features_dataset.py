# Source: https://github.com/keras-team/keras/issues/16764 — ValueError: Input 0 of layer sequential is incompatible with the layer: expected ndim=3, found ndim=2. Full shape received: (57, 1) (LSTM input_shape=(700, 57) for 700 rows of 57 features)
import numpy as np
import tensorflow as tf

# "The training dataset contains 700 rows (samples) and 57 columns (features)": ((700, 57), (700,))
x_train = np.random.rand(700, 57).astype("float32")
y_train = np.random.randint(0, 10, 700)
x_valid = np.random.rand(100, 57).astype("float32")
y_valid = np.random.randint(0, 10, 100)

train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train))
valid_data = tf.data.Dataset.from_tensor_slices((x_valid, y_valid))

model = tf.keras.Sequential()
model.add(tf.keras.layers.LSTM(64, input_shape=(700, 57), return_sequences=True))
model.add(tf.keras.layers.LSTM(64))
model.add(tf.keras.layers.Dense(64, activation='relu'))
model.add(tf.keras.layers.Dense(10, activation='softmax'))

optimizer = tf.keras.optimizers.Adam(learning_rate=0.001)

model.compile(optimizer=optimizer,
              loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])

model.summary()
history = model.fit(train_data, batch_size=32, epochs=60, verbose=2, validation_data=valid_data)
