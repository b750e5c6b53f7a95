# Source: https://github.com/keras-team/keras-applications/issues/56 — ValueError: Error when checking target: expected out_relu to have 4 dimensions, but got array with shape (32, 7)
# Fixed as the answer says: MobileNetV2 with its classifier on top (include_top=True, classes=7), whose output is
# (batch, 7), not the 7x7x1280 feature maps include_top=False leaves.
# The user's snippet for Keras 3: X and Y (224x224 images, 7 classes one-hot) loaded from .npy files the recorder writes
# (30 images here), the fold boundaries idx_fold and the two ImageDataGenerators (not shown) as plain ones, the fit as
# fit_generator was; weights=None (no download where the record is made) and MobileNetV2 without the backend/layers/
# models/utils keywords nor the depth_multiplier Keras 3 does not take; fit_generator as fit, in the first fold.
import numpy as np
import keras
from keras.applications import mobilenet_v2
from keras.optimizers import Adam
from tensorflow.keras.preprocessing.image import ImageDataGenerator

X = np.load('X.npy')
Y = np.load('Y.npy')
batch_size = 32
n_folds = 5
idx_fold = np.linspace(0, len(X), n_folds + 1).astype(int)
train_datagen = ImageDataGenerator()
test_datagen = ImageDataGenerator()

for idx in range(n_folds):
    model = mobilenet_v2.MobileNetV2(input_shape=(224, 224, 3), alpha=1.0,
                          include_top=True, weights=None, input_tensor=None, pooling=None,
                                         classes=7)
    opt = Adam()
    model.compile(optimizer=opt, loss='categorical_crossentropy',
                      metrics=['accuracy'])

    testX = X[idx_fold[idx]:idx_fold[idx+1],:,:,:]
    testY = Y[idx_fold[idx]:idx_fold[idx+1],:]

    trainX = np.delete(X, range(idx_fold[idx],idx_fold[idx+1]), axis=0)
    trainY = np.delete(Y, range(idx_fold[idx],idx_fold[idx+1]), axis=0)
    train_datagen.fit(trainX)
    test_datagen.fit(testX)

    train_generator = train_datagen.flow(trainX, trainY, batch_size=batch_size)
    validation_generator = test_datagen.flow(testX, testY, batch_size=batch_size)
    prediction_generator = test_datagen.flow(testX, y=testY, batch_size=batch_size, shuffle=False)

    model.fit(train_generator, epochs=10, validation_data=validation_generator)
    break
