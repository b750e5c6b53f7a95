# Source: https://github.com/mrdbourke/tensorflow-deep-learning/issues/495 — Issue while predicting model_2 experiments: y_preds_2 = model_2.predict(tf.expand_dims(X_test, axis=-1)) ValueError: Input 0 of layer "dense_54" is incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: (None,)
# Fixed as the course does: the test values given the feature axis the model was fitted with, tf.expand_dims(X_test, axis=-1).
# The course notebook's cells the user ran (01_neural_network_regression_in_tensorflow: the X/y ranges, the split,
# model_2 fitted on tf.expand_dims(X_train, axis=-1)), tf.keras as keras (keras.losses.mae, gone from Keras 3, as
# keras.losses.mean_absolute_error); the plot_predictions call after the
# predict left out (matplotlib is not installed where the record is made).
import tensorflow as tf
import keras

# Make a bigger dataset
X = tf.range(-100, 100, 4)
y = X + 10

# Split data into train and test sets
X_train = X[:40] # first 40 examples (80% of data)
y_train = y[:40]

X_test = X[40:] # last 10 examples (20% of data)
y_test = y[40:]

# Set random seed
tf.random.set_seed(42)

# Replicate original model
model_2 = keras.Sequential([
  keras.layers.Dense(1),
  keras.layers.Dense(1)
])

# Compile the model
model_2.compile(loss=keras.losses.mean_absolute_error,
                optimizer=keras.optimizers.SGD(),
                metrics=['mae'])

# Fit the model
model_2.fit(tf.expand_dims(X_train, axis=-1), y_train, epochs=100, verbose=0)

# Make and plot predictions
y_preds_2 = model_2.predict(tf.expand_dims(X_test, axis=-1))
