# Source: https://github.com/keras-team/keras/issues/3467 (comment by tylermanning) — Error when checking model input: expected dense_input_40 to have shape (None, 3) but got array with shape (10000, 1): the test targets and the predictions given to evaluate
# The user's regression data (three inputs, one output), made here with NumPy; small sizes. (evaluate gives one loss: kept as the number, not wrapped in a DataFrame)
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense, Activation

input_train = np.random.rand(1000, 3)
output_train = np.log1p(input_train).sum(axis=1, keepdims=True)
input_test = np.random.rand(32, 3)
output_test = np.log1p(input_test).sum(axis=1, keepdims=True)


def iterate_and_store(optimizer, nepochs=10):
    model = Sequential()
    model.add(Dense(8, input_dim=3, kernel_initializer="glorot_normal"))
    model.add(Activation("softplus"))
    model.add(Dense(16, kernel_initializer="glorot_normal"))
    model.add(Activation("softplus"))
    model.add(Dense(32, kernel_initializer="glorot_normal"))
    model.add(Activation("softplus"))
    model.add(Dense(32, kernel_initializer="glorot_normal"))
    model.add(Activation("softplus"))
    model.add(Dense(16, kernel_initializer="glorot_normal"))
    model.add(Activation("softplus"))
    model.add(Dense(1))
    model.add(Activation("softplus"))

    model.compile(loss='MSE', optimizer=optimizer)

    training_loss = pd.DataFrame(model.fit(input_train, output_train, epochs=nepochs, batch_size=32, verbose=2).history)
    self_pred = pd.DataFrame(model.predict(input_train), columns=['estimated'])
    test_pred = pd.DataFrame(model.predict(input_test), columns=['y_hat'])
    test_loss = model.evaluate(output_test, test_pred, verbose=2)
    return training_loss, self_pred, test_pred, test_loss


results = iterate_and_store('adam')
