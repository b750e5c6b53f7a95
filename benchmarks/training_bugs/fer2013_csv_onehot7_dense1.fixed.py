# Source: https://github.com/keras-team/keras/issues/8755 — Error when checking target: expected dense_2 to have shape (None, 1) but got array with shape (3230, 7)
# The user's script for Keras 3 (seaborn plots left out): the FER2013 pixels read from CSV (emotion + 2304 pixel columns; 40 rows
# here), reshaped to 48 x 48 x 1, the emotions one-hot to 7 classes; the model (cut off in the report) the Kaggle digit CNN the script
# follows, whose last Dense has a single unit.
# Fixed as the answer says: the last Dense has 7 units, one per emotion.
import pandas as pd
from keras.utils import to_categorical
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense, Dropout, Flatten, Conv2D, MaxPool2D
from keras.optimizers import RMSprop

train = pd.read_csv("test.csv")
Y_train = train["emotion"]
X_train = train.drop(labels=["emotion"], axis=1)
X_train = X_train.astype('float32') / 255.0
X_train = X_train.values.reshape(-1, 48, 48, 1)
Y_train = to_categorical(Y_train, num_classes=7)
random_seed = 2
X_train, X_val, Y_train, Y_val = train_test_split(X_train, Y_train, test_size=0.1, random_state=random_seed)

model = Sequential()
model.add(Conv2D(filters=32, kernel_size=(5, 5), padding='Same', activation='relu', input_shape=(48, 48, 1)))
model.add(MaxPool2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(256, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(7, activation="softmax"))
optimizer = RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-08)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(X_train, Y_train, batch_size=86, epochs=1, validation_data=(X_val, Y_val), verbose=2)
