# Source: https://github.com/keras-team/keras-tuner/issues/753 — `y` argument is not supported when using dataset as input (features and labels as two batched datasets)
# The report passes them to tuner.search, which hands them to model.fit; here model.fit directly.
import pandas as pd
import tensorflow as tf
import keras
from keras import layers

df = pd.read_csv('superstore.csv')
labels = df.pop('Category').astype('category').cat.codes.astype('int32')
features = df[['Sales', 'Quantity', 'Discount', 'Profit']]

X = tf.data.Dataset.from_tensor_slices(dict(features)).batch(32)
Y = tf.data.Dataset.from_tensor_slices(labels.values).batch(32)

inputs = {name: keras.Input(shape=(1,), name=name) for name in ['Sales', 'Quantity', 'Discount', 'Profit']}
x = layers.concatenate(list(inputs.values()))
x = layers.Dense(32, activation='relu')(x)
output = layers.Dense(4, activation='softmax')(x)
model = keras.Model(inputs, output)
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(X, Y, epochs=10)
