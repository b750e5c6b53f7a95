# Source: https://github.com/keras-team/keras/issues/14322 (issue description) — model.fit({'I1': test06_images, 'I2': test_images}, {'O1': test06_labels, 'O2': test_labels}, ...) fails (KeyError: 'input_4'): the dict keys name no input or output of the model
# The user's two-branch model (Dense layers on 48x48x32 inputs, 8 softmax units); the images and labels
# made with NumPy at a small count, the callbacks left out.
import numpy as np
from keras import layers, optimizers
from keras.layers import concatenate
from keras.models import Model

epochs, batch_size = 2, 4
test06_images = np.random.rand(8, 48, 48, 32).astype('float32')
test_images = np.random.rand(8, 48, 48, 32).astype('float32')
test06_labels = np.eye(8)[np.random.randint(0, 8, (8, 48, 48))].astype('float32')
test_labels = np.eye(8)[np.random.randint(0, 8, (8, 48, 48))].astype('float32')

# define two sets of inputs
inputA = layers.Input(shape=(48, 48, 32))
inputB = layers.Input(shape=(48, 48, 32))

# the first branch operates on the first input
x = layers.Dense(8, activation="relu")(inputA)
x = layers.Dense(4, activation="relu")(x)
x = Model(inputs=inputA, outputs=x)

# the second branch opreates on the second input
y = layers.Dense(64, activation="relu")(inputB)
y = layers.Dense(32, activation="relu")(y)
y = layers.Dense(4, activation="relu")(y)
y = Model(inputs=inputB, outputs=y)

# combine the output of the two branches
combined = concatenate([x.output, y.output])

z = layers.Dense(2, activation="relu")(combined)
z = layers.Dense(8, activation="softmax")(z)

model = Model(inputs=[x.input, y.input], outputs=z)

opt = optimizers.Adam()
model.compile(optimizer=opt, loss='categorical_crossentropy', metrics=['accuracy'])

model.fit({'I1': test06_images, 'I2': test_images},
          {'O1': test06_labels, 'O2': test_labels}, epochs=epochs, batch_size=batch_size)
