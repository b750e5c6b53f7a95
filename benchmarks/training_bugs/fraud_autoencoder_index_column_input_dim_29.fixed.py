# Source: https://github.com/aapatel09/handson-unsupervised-learning/issues/9 — 09_semisupervised - ValueError: Error when checking target: expected dense_3 to have shape (29,) but got array with shape (30,) (the CSV's index column 'Unnamed: 0' kept as a feature)
import numpy as np  # noqa: F401
import pandas as pd

from sklearn import preprocessing as pp
from sklearn.model_selection import train_test_split

from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras import regularizers

# Load the data
data = pd.read_csv('credit_card.csv')

# the answer: drop 'Unnamed: 0', the index saved with the CSV, which became a feature
dataX = data.copy().drop(['Class', 'Time', 'Unnamed: 0'], axis=1)
dataY = data['Class'].copy()

# Scale data
featuresToScale = dataX.columns
sX = pp.StandardScaler(copy=True, with_mean=True, with_std=True)
dataX[featuresToScale] = sX.fit_transform(dataX[featuresToScale])  # `dataX.loc[:, featuresToScale] = ...`, which pandas 3 refuses for the integer columns

# Split into train and test
X_train, X_test, y_train, y_test = \
    train_test_split(dataX, dataY, test_size=0.33,
                     random_state=2018, stratify=dataY)

# Drop 95% of the labels from the training set
toDrop = y_train[y_train == 1].sample(frac=0.90, random_state=2018)
X_train.drop(labels=toDrop.index, inplace=True)
y_train.drop(labels=toDrop.index, inplace=True)

model = Sequential()
model.add(Dense(units=40, activation='linear',
                activity_regularizer=regularizers.l1(10e-5),
                input_dim=29, name='hidden_layer'))
model.add(Dropout(0.02))
model.add(Dense(units=29, activation='linear'))

model.compile(optimizer='adam',
              loss='mean_squared_error',
              metrics=['accuracy'])

num_epochs = 5
batch_size = 32

history = model.fit(x=X_train, y=X_train,
                    epochs=num_epochs,
                    batch_size=batch_size,
                    shuffle=True,
                    validation_split=0.20,
                    verbose=1)

predictions = model.predict(X_test, verbose=1)
