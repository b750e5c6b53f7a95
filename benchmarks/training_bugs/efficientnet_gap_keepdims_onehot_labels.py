# Source: https://github.com/tensorflow/tensorflow/issues/56577 — ValueError: Shapes (None, 21) and (None, 1, 1, 21) are incompatible (GlobalAveragePooling2D(keepdims=True) before the softmax)
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.utils import to_categorical

# 21 classes of 224x224 RGB images, the labels one-hot (class_mode='categorical')
num_classes = 21
x_train = np.random.randint(0, 256, (42, 224, 224, 3)).astype("float32")
y_train = to_categorical(np.arange(42) % num_classes, num_classes)
x_val = np.random.randint(0, 256, (21, 224, 224, 3)).astype("float32")
y_val = to_categorical(np.arange(21) % num_classes, num_classes)

datagen = ImageDataGenerator()
train_eff = datagen.flow(x_train, y_train, batch_size=32)
val_eff = datagen.flow(x_val, y_val, batch_size=32)

eff_base = tf.keras.applications.EfficientNetB0(include_top=False)
eff_base.trainable = False

inputs = tf.keras.Input(shape=(224, 224, 3))

x = eff_base(inputs)

x = layers.GlobalAveragePooling2D(keepdims=True)(x)

outputs = layers.Dense(21, activation="softmax")(x)
print(outputs.shape)

eff_model = tf.keras.Model(inputs, outputs)
eff_model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

# fitting data to the model
eff_model.fit(train_eff,
              epochs=50,
              steps_per_epoch=len(train_eff),
              validation_data=val_eff,
              validation_steps=len(val_eff)
              )
