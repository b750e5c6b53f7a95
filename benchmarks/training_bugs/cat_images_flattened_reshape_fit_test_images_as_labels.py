# Source: https://github.com/keras-team/keras/issues/14391 — PLease Help: the 209 cat/non-cat 64x64x3 training images flattened, reshaped to (1, -1) and fitted against the test images (ValueError in model.fit)
import numpy as np
import tensorflow as tf

# the course's train_catvnoncat.h5 / test_catvnoncat.h5, as the user printed them
train_set_orig = np.random.randint(0, 256, (2568192, 1))  # Training Images Quantity and Shape: (2568192, 1)
test_set_orig = np.random.randint(0, 256, (1, 614400))  # Testing Images Quantity and Shape: (1, 614400)
train_set_y = np.random.randint(0, 2, (1, 209))  # Training Images Labels: (1, 209)
test_set_y = np.random.randint(0, 2, (1, 50))  # Testing Images Labels: (1, 50)

train_set_orig = train_set_orig.reshape(1, -1)
print(train_set_orig.shape)

test_set_orig = test_set_orig.reshape(-1, 1)
print(test_set_orig.shape)

train_set_orig = train_set_orig.astype("float") / 255.0
test_set_orig = test_set_orig.astype("float") / 255.0

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Flatten(input_shape=(64, 64, 3)))
model.add(tf.keras.layers.Dense(units=64, activation='relu'))
model.add(tf.keras.layers.Dense(units=10, activation='sigmoid'))

learning_rate = 0.003
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=learning_rate),
              loss="sparse_categorical_crossentropy",
              metrics=['accuracy'])

# The following variables are the hyperparameters.
epochs = 50
batch_size = 11000

model.fit(train_set_orig, test_set_orig, batch_size=batch_size, epochs=epochs)
