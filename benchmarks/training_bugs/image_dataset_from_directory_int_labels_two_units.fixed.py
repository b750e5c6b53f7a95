# Source: http://www.kouhan.cn/en/article/00027281 (Stack Overflow: facial expressions, angry vs happy) — ValueError: Shapes (None, 1) and (None, 2) are incompatible
# The output layer went from one sigmoid unit to two softmax units; the labels stay integers.
import tensorflow as tf
from tensorflow.keras import layers, models

train_ds = tf.keras.utils.image_dataset_from_directory(
    'faces',
    image_size=(48, 48),
    batch_size=4)

model = models.Sequential([
    layers.Rescaling(1. / 255, input_shape=(48, 48, 3)),
    layers.Conv2D(16, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation='relu'),
    layers.Dense(2, activation='softmax')
])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(train_ds, epochs=10)
