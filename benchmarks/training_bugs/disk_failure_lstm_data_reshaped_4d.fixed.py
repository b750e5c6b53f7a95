# Source: https://github.com/SidiLu001/disk_failure_prediction/issues/1 — ValueError: Error when checking input: expected lstm_1_input to have 3 dimensions, but got array with shape (844, 240, 94, 1)
# Fixed as the LSTM wants it: the attributes left (disks, days, attributes), without the trailing axis of 1 that
# read_data adds (the repository's CNN-LSTM wants that axis, the LSTM does not).
# The repository's src/LSTM.py with its utils/loadData.read_data inlined (the user ran it as the README says); the
# argparse paths as the .npy files the recorder writes (40 disks of 12 days of 94 attributes here, 240 days there),
# group 'SPL'; the model saved as .keras in the working folder (Keras 3 takes no '../model/...h5' path that does not
# exist); the repository's calMetrix helper left out.
from keras.models import Sequential
from keras.layers import Dense
from keras.layers import LSTM
import numpy as np
import time


def read_data(xpath, ypath, group):
    X = np.load(xpath)
    y = np.load(ypath)
    L = X.shape[0]
    # **********************
    # smart: 0 - 12
    # perf: 13 - 92
    # loc: 93
    Loc = [93]
    Sgroup = [i for i in range(13)]
    Pgroup = [i for i in range(13,93)]
    groups = {
        'S' : Sgroup,
        'P' : Pgroup,
        'SL' : Sgroup + Loc,
        'PL' : Pgroup + Loc,
        'SP' : Sgroup + Pgroup,
        'SPL' : Sgroup + Pgroup + Loc,
    }
    assert group in groups
    useGroup = groups[group]
    X = X[:, :, useGroup]
    m,n,p = X.shape
    X = X.reshape(m,n,p)
    y = y.reshape(L, -1)

    from sklearn.model_selection import KFold
    seed = 15
    np.random.seed(seed)
    n_splits = 5
    kfold = KFold(n_splits=n_splits, shuffle=True, random_state=seed)

    print('KFold = %d :'%n_splits)
    for train_index, test_index in kfold.split(X, y):
        train_X, test_X = X[train_index], X[test_index]
        train_y, test_y = y[train_index], y[test_index]
        yield train_X, train_y, test_X, test_y


def classifyRes(arr):
    arr = arr.reshape(arr.size,)
    for i in range(arr.size):
        arr[i] = 1 if arr[i]>0.5 else 0
    return arr


def model_fit(train_X, train_y, test_X, test_y):
    # train_X, train_y, test_X, test_y = read_data()
    outdim = train_y.shape[1]
    validation_number = int(0.9 * train_X.shape[0])
    validation_X = train_X[validation_number:]
    validation_y = train_y[validation_number:]
    train_X = train_X[:validation_number]
    train_y = train_y[:validation_number]

    model = Sequential()
    model.add(LSTM(100, input_shape=(train_X.shape[1], train_X.shape[2]), return_sequences=True, dropout=0.25))
    # print(model.layers)
    model.add(LSTM(100, return_sequences=True))
    model.add(LSTM(100, return_sequences=True))
    model.add(LSTM(50, return_sequences=False))
    # model.add(Dense(outdim))
    model.add(Dense(outdim, activation='sigmoid'))

    model.compile(optimizer='adam',
                  loss='binary_crossentropy',
                  # loss='categorical_crossentropy',
                  metrics=['accuracy']
                  )

    # fit network
    history = model.fit(train_X, train_y, epochs=100, batch_size=72, validation_data=(validation_X, validation_y),
                        verbose=0,
                        shuffle=True)

    np.savetxt('loss.csv', history.history['loss'])
    np.savetxt('val_loss.csv', history.history['val_loss'])
    t0 = time.strftime('%Y%m%d%H%M%S', time.localtime(time.time()))
    model.save('LSTM_model_%s.keras'%t0)

    # make a prediction
    y_pre = model.predict(test_X)
    print(y_pre.shape)
    y_pre = classifyRes(y_pre)

    np.savetxt('forecast.csv', y_pre)
    np.savetxt('actual.csv', test_y)


if __name__ == '__main__':
    for train_X, train_y, test_X, test_y in read_data('X.npy', 'y.npy', 'SPL'):
        model_fit(train_X, train_y, test_X, test_y)
