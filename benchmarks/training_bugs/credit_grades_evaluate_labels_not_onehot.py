# Source: https://github.com/keras-team/keras/issues/12410 — Error with model.evaluate(): Error when checking target: expected dense_16 to have shape (7,) but got array with shape (1,)
import pandas as pd
import keras
from keras.models import Sequential
from keras.layers import Dense
from keras import optimizers
from sklearn.model_selection import train_test_split

d2 = pd.read_csv('credit.csv')

model = Sequential()
model.add(Dense(units=90, kernel_initializer='uniform', activation='relu', input_dim=len(d2.dtypes) - 1))
model.add(Dense(units=130, kernel_initializer='uniform', activation='relu'))
model.add(Dense(units=150, kernel_initializer='uniform', activation='relu'))
model.add(Dense(units=7, kernel_initializer='uniform', activation='softmax'))

adam = optimizers.Adam()
model.compile(loss='categorical_crossentropy', metrics=['accuracy'], optimizer=adam)

y = d2['grade']
X = d2.drop(['grade'], axis=1)
X_train, X_test, Y_train, Y_test = train_test_split(X, y, test_size=0.2, shuffle=True)

one_hot_labels = keras.utils.to_categorical(Y_train, num_classes=7)
model.fit(X_train, one_hot_labels, batch_size=32, epochs=20, validation_split=0.2)

one_hot_y_test = keras.utils.to_categorical(Y_test, num_classes=7)
score = model.evaluate(X_test, Y_test, batch_size=32)
