# Source: https://php.bkmy88.com/faq/2033422.html (Stack Overflow: passing two images as a list to model.fit) — Layer "sequential" expects 1 input(s), but it received 2 input tensors
import numpy as np
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import InputLayer, Conv2D, MaxPooling2D, Flatten, Dense

template_array = np.load('template.npy')
actual_array = np.load('actual.npy')
template_array = template_array.reshape((1, 549, 549, 3))
actual_array = actual_array.reshape((1, 549, 549, 3))

model = Sequential([
    InputLayer(input_shape=(549, 549, 3)),
    Conv2D(8, 3, activation='relu'),
    MaxPooling2D(4),
    Flatten(),
    Dense(2, activation='softmax'),
])
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])

y_train = np.array([1, 0])
y_train = tf.keras.utils.to_categorical(y_train, num_classes=2)
train_x = np.concatenate([template_array, actual_array], axis=0)
model.fit(x=train_x, y=y_train, epochs=10)
