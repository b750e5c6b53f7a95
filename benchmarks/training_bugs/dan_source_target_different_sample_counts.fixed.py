# Source: https://github.com/MaterialsInformaticsDemo/DAN/issues/1 — model.fit([source_x, target_x], source_y_train, ...): ValueError: Data cardinality is ambiguous: x sizes: 39600, 36900, y sizes: 39600 (the repository's deep adaptation network on the user's own source and target domains)
# The repository's DAN (code/DAN.py) for Keras 3 and smaller (shared convolutions, a source and a target head, the domain discrepancy added
# with add_loss; tf.Variable weights as add_weight, the MK-MMD as a squared mean difference); the user's train_model (not shown) fed from
# .npy files of different sample counts, as the error reports (40 and 36 images here).
import numpy as np
import keras
from keras import Model, ops
from keras.layers import Conv2D, BatchNormalization, Activation, MaxPool2D, Dropout, Flatten, Dense


class DAN(Model):
    def __init__(self):
        super().__init__()
        self.weight_1 = self.add_weight(shape=(), initializer=keras.initializers.Constant(1 / 3))

        self.c1 = Conv2D(filters=16, kernel_size=(3, 3))
        self.b1 = BatchNormalization()
        self.a1 = Activation('relu')
        self.p1 = MaxPool2D(pool_size=(3, 3), strides=2)
        self.flatten = Flatten()

        self.f1_source = Dense(64, activation='relu')
        self.d1_source = Dropout(0.5)
        self.f3_source = Dense(10, activation='softmax')

        self.f1_target = Dense(64, activation='relu')
        self.d1_target = Dropout(0.5)
        self.f3_target = Dense(10, activation='softmax')

    def call(self, inputs):
        source_x, target_x = inputs

        source_x = self.p1(self.a1(self.b1(self.c1(source_x))))
        source_x = self.flatten(source_x)
        source_y1 = self.f1_source(source_x)
        y_source = self.f3_source(self.d1_source(source_y1))

        target_x = self.p1(self.a1(self.b1(self.c1(target_x))))
        target_x = self.flatten(target_x)
        target_y1 = self.f1_target(target_x)

        mmd = ops.sum(ops.square(ops.mean(source_y1, axis=0) - ops.mean(target_y1, axis=0)))
        self.add_loss(self.weight_1 * mmd)
        return y_source


def train_model(X_training, y_training, x_testing, y_testing):
    model = DAN()
    model.compile(optimizer='adam',
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  metrics=['sparse_categorical_accuracy'])
    n = min(len(X_training), len(x_testing))  # the fix: as many target samples as source samples
    source_x = X_training[:n]
    target_x = x_testing[:n]
    source_y = y_training[:n]
    model.fit([source_x, target_x, ], source_y,
              batch_size=32, epochs=500, validation_data=([source_x, target_x, ], source_y))
    return model


X_training = np.load('source_x.npy')
y_training = np.load('source_y.npy')
x_testing = np.load('target_x.npy')
y_testing = np.load('target_y.npy')
train_model(X_training, y_training, x_testing, y_testing)
