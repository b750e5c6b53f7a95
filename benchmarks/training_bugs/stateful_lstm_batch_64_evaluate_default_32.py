# Source: https://github.com/Housiadas/forecasting-energy-consumption-LSTM/issues/4 — Input 0 is incompatible with layer sequential: expected shape=(64, None, 4), found shape=[32, 100, 4] (the stateful LSTMs built for batches of 64, lstm.py's evaluate and predict given none)
# lstm/lstm.py of the repository on a stand-in of its hourly power-consumption CSV (made here with pandas,
# 2700 hours); CuDNNLSTM as LSTM, batch_input_shape as a keras.Input(batch_shape=...), model.reset_states()
# as the layers' reset_states() (Keras 3), the fit loop's undefined `epochs` as 1, plots and saving left out.
import random
from collections import deque

import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from sklearn.model_selection import TimeSeriesSplit
import keras
from keras.models import Sequential
from keras.layers import Dense, LSTM, Activation

SEQ_LEN = 100                    # how long of a preceeding sequence to collect for RNN (in 1hour minutes)
FUTURE_PERIOD_PREDICT = 6        # how far into the future are we trying to predict? (in minutes)
EPOCHS = 30                      # how many passes through our data
BATCH_SIZE = 64                  # how many batches? Try smaller batch if you're getting OOM (out of memory) errors.


def preprocess_df(df, shuffle=False):
    sequential_data = []                    # this is a list that will CONTAIN the sequences
    prev_days = deque(maxlen=SEQ_LEN)     # These will be our actual sequences.
    for i in df.values:                                             # iterate over the values
        prev_days.append([n for n in i[:-1]])                       # store all but the label
        if len(prev_days) == SEQ_LEN:                               # make sure we have 30 sequences!
            sequential_data.append([np.array(prev_days), i[-1]])    # append those bad boys!

    if shuffle:
        random.shuffle(sequential_data)                                 # shuffle for good measure.

    X = []
    y = []
    for seq, target in sequential_data:  # going over our new sequential data
        X.append(seq)                    # X is the sequences (features)
        y.append(target)                 # y is the targets/labels

    return np.array(X), np.array(y)  # return X and y...and make X a numpy array!


def train_length(length, batch_size):
    length_values = []
    for x in range(int(length) - 100, int(length)):
        modulo = x % batch_size
        if modulo == 0:
            length_values.append(x)
    return max(length_values)


def split_data(df, percent):
    length = len(df)
    test_index = int(length * percent)
    train_index = length - test_index
    test_df = df[train_index:]
    df = df[:train_index]
    return test_df, df


def get_model():
    model = Sequential()
    model.add(keras.Input(batch_shape=(BATCH_SIZE, train_x.shape[1], train_x.shape[2])))
    model.add(LSTM(36, stateful=True, return_sequences=True))
    model.add(Activation('relu'))

    model.add(LSTM(36, stateful=True, return_sequences=False))
    model.add(Activation('relu'))

    model.add(Dense(1))

    model.compile(loss='mae', optimizer='adam', metrics=['mse', 'mae'])
    return model


#### load dataset (kaggle_data_1h.csv)
hours = 2700
df = pd.DataFrame({
    'Global_active_power': 1.0 + np.random.rand(hours) * 2,
    'Global_reactive_power': np.random.rand(hours) * 0.3,
    'Voltage': 234 + np.random.rand(hours) * 6,
    'Global_intensity': 4 + np.random.rand(hours) * 10,
    'Sub_metering_1': np.random.rand(hours),
    'Sub_metering_2': np.random.rand(hours),
    'Sub_metering_3': np.random.rand(hours) * 17,
}, index=pd.date_range('2006-12-16 17:00:00', periods=hours, freq='h', name='time'))

df = df.drop(['Sub_metering_1', 'Sub_metering_2', 'Sub_metering_3'], axis=1)
df.sort_index(inplace=True)
df.dropna(inplace=True)
df = df.resample('1h').mean()
df.dropna(inplace=True)

######## Smothing our data at first........
df = df.ewm(alpha=0.2).mean()
df.dropna(inplace=True)

### Create supervised learning
df['future'] = df["Global_active_power"].shift(-FUTURE_PERIOD_PREDICT)
df.dropna(inplace=True)

count = 0
evaluate_loss = []
val_loss = []
loss = []

tscv = TimeSeriesSplit(n_splits=3)
for train_index, test_index in tscv.split(df):

    if count >= 2:
        df2 = df.copy()
        test_df = df2[len(train_index):len(train_index) + len(test_index)]
        df2 = df2[:len(train_index)]
        valid_df, df2 = split_data(df2, 0.1)

        scaler = MinMaxScaler(feature_range=(0, 1))
        cols = [col for col in df.columns if col not in ['time']]

        df2[cols] = scaler.fit_transform(df2[cols])
        test_df[cols] = scaler.transform(test_df[cols])
        valid_df[cols] = scaler.transform(valid_df[cols])

        train_x, train_y = preprocess_df(df2, shuffle=True)
        valid_x, valid_y = preprocess_df(valid_df, shuffle=False)
        test_x, test_y = preprocess_df(test_df, shuffle=False)

        train_len = train_length(train_x.shape[0], BATCH_SIZE)
        valid_len = train_length(valid_x.shape[0], BATCH_SIZE)
        test_len = train_length(test_x.shape[0], BATCH_SIZE)

        train_x = train_x[:train_len]
        train_y = train_y[:train_len]
        valid_x = valid_x[:valid_len]
        valid_y = valid_y[:valid_len]
        test_x = test_x[:test_len]
        test_y = test_y[:test_len]

        model = get_model()

        for i in range(EPOCHS):
            history = model.fit(
                train_x, train_y,
                batch_size=BATCH_SIZE,
                epochs=1,
                validation_data=(valid_x, valid_y),
            )
            val_loss.append(history.history['val_loss'])
            loss.append(history.history['loss'])
            for layer in model.layers:
                if hasattr(layer, 'reset_states'):
                    layer.reset_states()

        """ Evaluate model.......  """
        score = model.evaluate(test_x, test_y, verbose=0)
        print('Test loss:', score[0])
        evaluate_loss.append(score[0])

        yhat = model.predict(test_x)

    count += 1
