# Source: https://github.com/keras-team/tf-keras/issues/171 — A target array with shape (178, 222, 222, 3) was passed for an output of shape (None, 3) while using as loss `mean_squared_error`
# Bounding boxes of objects in images; the images and their boxes are read from the user's files.
import os
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import Dense, Dropout, Flatten, Input  # noqa: F401
from tensorflow.keras.models import Model

df = pd.read_csv('labels.csv')
labels = df.iloc[:, 1:].values
image_path = [os.path.join('images', name) for name in df.iloc[:, 0]]

data = []
output = []
for ind in range(len(image_path)):
    image = image_path[ind]
    img_arr = np.load(image)
    h, w, d = img_arr.shape
    load_image_arr = img_arr[:222, :222]
    norm_load_image_arr = load_image_arr / 255.0
    xmin, xmax, ymin, ymax = labels[ind]
    nxmin, nxmax = xmin / w, xmax / w
    nymin, nymax = ymin / h, ymax / h
    label_norm = (nxmin, nxmax, nymin, nymax)
    data.append(norm_load_image_arr)
    output.append(label_norm)

y = np.array(data, dtype=np.float32)
X = np.array(data, dtype=np.float32)
X = X.reshape((-1, 222, 222, 3))
y = y.reshape((-1, 222, 222, 3))
x_train, x_test, y_train, y_test = train_test_split(X, y, train_size=0.8, random_state=0)

inception_resnet = MobileNetV2(weights="imagenet", include_top=False, input_tensor=Input(shape=(222, 222, 3)))
inception_resnet.trainable = False
headmodel = inception_resnet.output
headmodel = Flatten()(headmodel)
headmodel = Dense(500, activation="relu")(headmodel)
headmodel = Dense(250, activation="relu")(headmodel)
headmodel = Dense(4, activation='sigmoid')(headmodel)
model = Model(inputs=inception_resnet.input, outputs=headmodel)
model.compile(loss='mse', optimizer='adam')
history = model.fit(x=x_train, y=y_train, batch_size=10, epochs=180, validation_data=(x_test, y_test))
