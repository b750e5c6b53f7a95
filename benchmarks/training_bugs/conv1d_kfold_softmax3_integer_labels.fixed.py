# Source: https://github.com/keras-team/keras/issues/12378 — Error when checking target: expected dense_143 to have shape (None, 3) but got array with shape (6210, 1) (a 1D CNN with a three-class softmax given the integer class column, in a StratifiedKFold loop)
# The user's CSV of 177 samples of a signal per row and its class (0, 1, 2) in column 178.
import numpy
from keras.models import Sequential
from keras.layers import Conv1D, LeakyReLU, MaxPooling1D, Dense, Flatten
from sklearn.model_selection import StratifiedKFold
from keras.utils import to_categorical

n_timesteps = 177


def create_model():
    model_m = Sequential()
    model_m.add(Conv1D(filters=4, kernel_size=2, activation='relu', input_shape=(n_timesteps, 1)))
    model_m.add(LeakyReLU(negative_slope=0.1))
    model_m.add(MaxPooling1D(2, strides=2))
    model_m.add(Conv1D(4, 5, strides=1))
    model_m.add(LeakyReLU(negative_slope=0.1))
    model_m.add(MaxPooling1D(2, strides=2))
    model_m.add(Conv1D(10, 4, strides=1))
    model_m.add(LeakyReLU(negative_slope=0.1))
    model_m.add(MaxPooling1D(2, strides=2))
    model_m.add(Conv1D(10, 4, strides=1))
    model_m.add(LeakyReLU(negative_slope=0.1))
    model_m.add(MaxPooling1D(2, strides=2))
    model_m.add(Conv1D(15, 4, strides=1))
    model_m.add(LeakyReLU(negative_slope=0.1))
    model_m.add(MaxPooling1D(2, strides=2))
    model_m.add(Dense(50))
    model_m.add(Dense(20))
    model_m.add(Flatten())
    model_m.add(Dense(3, activation='softmax'))
    print(model_m.summary())
    return model_m


dataset = numpy.loadtxt("newda.csv", delimiter=",")
X = dataset[:, 0:177]
y = dataset[:, 178]
X = X.reshape(X.shape[0], n_timesteps, 1)

# Instantiate the cross validator
skf = StratifiedKFold(n_splits=10, shuffle=True)
# Loop through the indices the split() method returns
for index, (train_indices, val_indices) in enumerate(skf.split(X, y)):
    print("Training on fold " + str(index + 1) + "/10...")
    xtrain, xval = X[train_indices], X[val_indices]
    ytrain, yval = to_categorical(y[train_indices], 3), to_categorical(y[val_indices], 3)
    model = create_model()
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    history = model.fit(xtrain, ytrain, epochs=10, batch_size=32, validation_data=(xval, yval))
