# Source: https://github.com/MiteshPuthran/Speech-Emotion-Analyzer/issues/52 — ValueError: Shapes (None, 4) and (None, 10) are incompatible
# MFCC features (216 per clip) and emotion labels, read from a CSV file; the user's data had four emotions.
import numpy as np
import pandas as pd
import keras
from keras.models import Sequential
from keras.layers import Conv1D, Activation, Dropout, MaxPooling1D, Flatten, Dense
from keras.utils import to_categorical
from sklearn.preprocessing import LabelEncoder

newdf = pd.read_csv('features.csv')
rnewdf = newdf.sample(frac=1)
newdf1 = np.arange(len(rnewdf)) < 0.8 * len(rnewdf)
train = rnewdf[newdf1]
test = rnewdf[~newdf1]
trainfeatures = train.iloc[:, :-1]
trainlabel = train.iloc[:, -1:]
testfeatures = test.iloc[:, :-1]
testlabel = test.iloc[:, -1:]

X_train = np.array(trainfeatures)
y_train = np.array(trainlabel)
X_test = np.array(testfeatures)
y_test = np.array(testlabel)
lb = LabelEncoder()
y_train = to_categorical(lb.fit_transform(y_train.ravel()))
y_test = to_categorical(lb.fit_transform(y_test.ravel()))

x_traincnn = np.expand_dims(X_train, axis=2)
x_testcnn = np.expand_dims(X_test, axis=2)

model = Sequential()
model.add(Conv1D(256, 5, padding='same', input_shape=(216, 1)))
model.add(Activation('relu'))
model.add(Conv1D(128, 5, padding='same'))
model.add(Activation('relu'))
model.add(Dropout(0.1))
model.add(MaxPooling1D(pool_size=(8)))
model.add(Conv1D(128, 5, padding='same'))
model.add(Activation('relu'))
model.add(Flatten())
model.add(Dense(4))
model.add(Activation('softmax'))
opt = keras.optimizers.RMSprop(learning_rate=0.00001)
model.compile(loss='categorical_crossentropy', optimizer=opt, metrics=['accuracy'])
cnnhistory = model.fit(x_traincnn, y_train, batch_size=16, epochs=700, validation_data=(x_testcnn, y_test))
