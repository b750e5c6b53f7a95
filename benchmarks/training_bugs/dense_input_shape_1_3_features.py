# Source: https://github.com/karolzak/keras-unet/issues/51 — Input 0 of layer "sequential_1" is incompatible with the layer: expected shape=(None, 1, 3), found shape=(None, 3)
import pandas as pd
import tensorflow as tf

dataset = pd.read_csv('measurements.csv')
features = dataset[['x1', 'x2', 'x3']].to_numpy()
labels = dataset['y'].to_numpy()
print(features.shape, labels.shape)

nn_model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation='relu', input_shape=(1, 3)),
    tf.keras.layers.Dense(64, activation='relu'),
    tf.keras.layers.Dense(1)
])
nn_model.summary()
nn_model.compile(loss='mean_absolute_error', optimizer=tf.keras.optimizers.Adam(0.001))
history = nn_model.fit(
    features,
    labels,
    validation_split=0.2,
    verbose=0, epochs=100)
