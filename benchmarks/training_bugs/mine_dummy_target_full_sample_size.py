# Source: https://github.com/Fritschek/MINE-Mutual-Information-Neural-Estimator/issues/1 — Code has error: MI_mod.fit((joint_sample, marg_sample), x_sample, ...) (Data cardinality is ambiguous: x sizes: 9000, 9000 / y sizes: 18000)
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
np.random.seed(42)
tf.random.set_seed(42)

randN_05 = keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)
dim_n = 3 # Dim 4+ needs considerable fine-tuning

input_A = keras.layers.Input(shape=[2*dim_n])
input_B = keras.layers.Input(shape=[2*dim_n])

transform = keras.models.Sequential([
layers.Dense(30, kernel_initializer=randN_05, activation="relu"),
keras.layers.Dropout(rate=0.3), # To regularize higher dimensionality
layers.Dense(30, kernel_initializer=randN_05, activation="relu"),
keras.layers.Dropout(rate=0.3), # To regularize higher dimensionality
layers.Dense(1, kernel_initializer=randN_05, activation=None)])

output_A = transform(input_A)
output_B = transform(input_B)
output_C = keras.ops.mean(output_A) - keras.ops.log(keras.ops.mean(keras.ops.exp(output_B))) # MINE
MI_mod = keras.models.Model(inputs=[input_A, input_B], outputs=output_C)

def loss_func(inp, outp):
    '''Calculate the loss: scaled negative estimated mutual information'''
    return -outp

MI_mod.compile(loss=loss_func, optimizer=keras.optimizers.Nadam(learning_rate=0.001))

SIGNAL_NOISE = 0.2
SAMPLE_SIZE = dim_n*200
SIGNAL_POWER = 3

x_sample = np.random.normal(0., np.sqrt(SIGNAL_POWER), [SAMPLE_SIZE, dim_n])
y_sample = x_sample + np.random.normal(0., np.sqrt(SIGNAL_NOISE), [SAMPLE_SIZE, dim_n])

x_sample1, x_sample2 = tf.split(x_sample, num_or_size_splits=2)
y_sample1, y_sample2 = tf.split(y_sample, num_or_size_splits=2)
joint_sample = tf.concat([x_sample1, y_sample1], axis=1)
marg_sample = tf.concat([x_sample2, y_sample1], axis=1)

history_mi = MI_mod.fit((joint_sample, marg_sample), x_sample, epochs=2, batch_size=200)
print(history_mi.history)
