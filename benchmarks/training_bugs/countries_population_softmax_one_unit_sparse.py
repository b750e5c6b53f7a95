# Source: https://github.com/keras-team/keras/issues/11441 — Keras InvalidArgumentError while model.fit: China's population by year given to one softmax unit compiled with sparse_categorical_crossentropy
# The gapminder countries.csv (country, continent, year, lifeExpectancy, population, gdpPerCapita), read from the user's copy.
import numpy as np
import pandas as pd
import time
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam

model = Sequential([
    Dense(10, input_shape=(1,), activation='relu'),
    Dense(32, activation='relu'),
    Dense(1, activation='softmax'),
])

model.compile(Adam(learning_rate=.0001), loss="sparse_categorical_crossentropy", metrics=['accuracy'])
country = pd.read_csv('countries.csv')
china = country[country.country == 'China']
train1 = np.array(china.year)
train2 = np.array(china.population)
time.sleep(1)
model.fit(train1, train2, batch_size=10, epochs=20)
