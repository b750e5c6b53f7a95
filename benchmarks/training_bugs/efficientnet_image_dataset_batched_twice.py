# Source: https://github.com/tensorflow/tensorflow/issues/78621 — Calling .batch() on a Dataset alters the input shape and leads to EfficientNet aborting training: Input 0 of layer "efficientnetb0" is incompatible with the layer: expected shape=(None, 224, 224, 3), found shape=(32, None, 224, 224, 3)
# The user's pipeline for Keras 3: the insect images read with image_dataset_from_directory (already batched), then mapped and
# batched again as in the keras.io EfficientNet example; the example's build_model (weights=None here: no download where the
# record is made; 4 classes and small images here).
import tensorflow as tf
import keras
from keras import layers
from keras.applications import EfficientNetB0

IMG_SIZE = 224
BATCH_SIZE = 32
NUM_CLASSES = 4

ds_train = keras.utils.image_dataset_from_directory("classification/trainbgr", image_size=(IMG_SIZE, IMG_SIZE))
ds_val = keras.utils.image_dataset_from_directory("classification/valbgr", image_size=(IMG_SIZE, IMG_SIZE))


def input_preprocess(image, label):
    label = tf.one_hot(label, NUM_CLASSES)
    return image, label


ds_train = ds_train.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE)
ds_train = ds_train.batch(batch_size=BATCH_SIZE, drop_remainder=True)
ds_val = ds_val.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE)
ds_val = ds_val.batch(batch_size=BATCH_SIZE, drop_remainder=True)


def build_model(num_classes):
    inputs = layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
    model = EfficientNetB0(include_top=False, input_tensor=inputs, weights=None)
    model.trainable = False
    x = layers.GlobalAveragePooling2D(name="avg_pool")(model.output)
    x = layers.BatchNormalization()(x)
    x = layers.Dropout(0.2, name="top_dropout")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="pred")(x)
    model = keras.Model(inputs, outputs, name="EfficientNet")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-2), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    return model


model = build_model(num_classes=NUM_CLASSES)
hist = model.fit(ds_train, epochs=25, validation_data=ds_val)
