# Source: https://github.com/chauhan01/Captcha-text-extraction/issues/3 — ValueError: Shapes (None, 30) and (None, 9) are incompatible (the notebook's Dense(9) for its 9 captcha letters; the user's letter folders hold 30)
# Fix: the output layer sized by the classes the LabelBinarizer found (30), not the notebook's 9.
# captcha.ipynb of the repository: letter images read from one folder per letter (written here as small
# PNGs, cv2 calls done with PIL/NumPy), the folder names one-hot encoded with LabelBinarizer.
import os

import numpy as np
from PIL import Image
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelBinarizer
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.callbacks import EarlyStopping

letter_folder = 'extracted_letters'
for letter in '23456789ABCDEFGHJKLMNPQRSTUVWX':  # the 30 letters of the user's captchas
    os.makedirs(os.path.join(letter_folder, letter), exist_ok=True)
    for k in range(1, 4):
        pixels = np.random.randint(0, 255, (24, 18), dtype=np.uint8)
        Image.fromarray(pixels).save(os.path.join(letter_folder, letter, f'{k}.png'))

# creating empty lists for storing image data and labels
data = []
labels = []
for root, _, files in os.walk(letter_folder):
    for name in files:
        image = os.path.join(root, name)
        img = Image.open(image).convert('L')
        img = np.array(img.resize((30, 30)))

        # adding a 3rd dimension to the image
        img = np.expand_dims(img, axis=2)

        # grabing the name of the letter based on the folder it is present in
        label = image.split(os.path.sep)[-2]

        data.append(img)
        labels.append(label)

# converting data and labels to np array
data = np.array(data, dtype="float")
labels = np.array(labels)

# scaling the values of  data between 0 and 1
data = data / 255.0

(train_x, val_x, train_y, val_y) = train_test_split(data, labels, test_size=0.2, random_state=0)

# one hot encoding our target variable 'labels'
lb = LabelBinarizer().fit(train_y)
train_y = lb.transform(train_y)
val_y = lb.transform(val_y)

model = Sequential()
model.add(Conv2D(20, (5, 5), padding="same", input_shape=(30, 30, 1), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Conv2D(50, (5, 5), padding="same", activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dropout(0.3))
model.add(Dense(len(lb.classes_), activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

estop = EarlyStopping(patience=10, mode='min', min_delta=0.001, monitor='val_loss')

model.fit(train_x, train_y, validation_data=(val_x, val_y), batch_size=32, epochs=50, verbose=1, callbacks=[estop])
