# Source: https://github.com/keras-team/keras/issues/14322 — KeyError: 'input_4': a two-input, one-output model fit with dicts keyed 'I1'/'I2' and 'O1'/'O2', names that no input or output of the model has
import numpy as np
from tensorflow.keras import layers, optimizers
from tensorflow.keras.models import Model
from tensorflow.keras.layers import concatenate

epochs, batch_size = 5, 8
test06_images = np.random.rand(24, 48, 48, 32).astype('float32')
test_images = np.random.rand(24, 48, 48, 32).astype('float32')
test06_labels = np.eye(8)[np.random.randint(0, 8, 24)]
test_labels = np.eye(8)[np.random.randint(0, 8, 24)]

# (Each branch flattened here: the report's Dense layers on 48x48x32 maps would keep the 48x48 grid while the labels are one per image.)
# define two sets of inputs
inputA = layers.Input(shape=(48, 48, 32))
inputB = layers.Input(shape=(48, 48, 32))

# the first branch operates on the first input
x = layers.Flatten()(inputA)
x = layers.Dense(8, activation="relu")(x)
x = layers.Dense(4, activation="relu")(x)
x = Model(inputs=inputA, outputs=x)

# the second branch opreates on the second input
y = layers.Flatten()(inputB)
y = layers.Dense(64, activation="relu")(y)
y = layers.Dense(32, activation="relu")(y)
y = layers.Dense(4, activation="relu")(y)
y = Model(inputs=inputB, outputs=y)

# combine the output of the two branches
combined = concatenate([x.output, y.output])

# apply a FC layer and then a regression prediction on the combined outputs
z = layers.Dense(2, activation="relu")(combined)
z = layers.Dense(8, activation="softmax")(z)

# our model will accept the inputs of the two branches and then output a single value
model = Model(inputs=[x.input, y.input], outputs=z)

opt = optimizers.Adam()
model.compile(optimizer=opt, loss='categorical_crossentropy', metrics=['accuracy'])

model.fit({'I1': test06_images, 'I2': test_images},
          {'O1': test06_labels, 'O2': test_labels}, epochs=epochs, batch_size=batch_size)
