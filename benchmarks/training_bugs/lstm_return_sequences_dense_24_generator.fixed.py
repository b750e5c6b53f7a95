# Source: https://www.whosebug.com/index.php/question/5759754/Keras-error-Incompatible-shapes-32-168-24-vs-32-24 (Stack Overflow: Keras error Incompatible shapes: [32,168,24] vs. [32,24]) — an LSTM(return_sequences=True) straight into Dense(24)
import numpy as np
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense

X = np.load('X.npy')
y = np.load('y.npy')
X_val = np.load('X_val.npy')
y_val = np.load('y_val.npy')

train_generator = TimeseriesGenerator(X, y, length=7*24, stride=24, batch_size=32)
val_generator = TimeseriesGenerator(X_val, y_val, length=7*24, stride=24, batch_size=32)
print(X.shape, y.shape)

model = Sequential()
model.add(LSTM(32, return_sequences=False, input_shape=(7*24, X.shape[1])))
model.add(Dense(24))

model.compile(loss='mean_squared_error', optimizer='adam', metrics=['mse'])
model.fit(train_generator, validation_data=val_generator, epochs=15, verbose=1)
