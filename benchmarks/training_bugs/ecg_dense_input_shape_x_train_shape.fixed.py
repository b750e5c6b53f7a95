# Source: https://github.com/Cly1st/ECG-Arrhythmia-Classification-using-Artificial-Neural-Network/issues/2 — Training.py generating runtime error: ValueError: Input 0 of layer "sequential" is incompatible with the layer: expected shape=(None, 40799, 128), found shape=(None, 128)
# The repository's Training.py for Keras 3 (plots left out), as it was when the issue was opened: the first Dense given
# input_shape=X_train.shape; the beats of 128 values read from the HDF5 file of five classes (a few of each here).
# Fixed as the repository was then: the model's input is Input(shape=(128,)), one beat a sample.
import numpy as np
import h5py
import keras
import tensorflow as tf
from sklearn.model_selection import train_test_split
from keras import layers
from keras.models import Sequential


def Load_Data(File):
    File = h5py.File(f'{File}.hdf5', 'r')
    return File['Normal'], File['Sup'], File['Ven'], File['Fusion'], File['Unknown']


def create_labels(N, S, V, F, U):
    N_Labels = np.zeros(len(N), dtype=int)
    S_Labels = np.ones(len(S), dtype=int)
    V_Labels = np.full((len(V)), 2, dtype=int)
    F_Labels = np.full((len(F)), 3, dtype=int)
    U_Labels = np.full((len(U)), 4, dtype=int)
    return (np.reshape(N_Labels, (-1, 1)), np.reshape(S_Labels, (-1, 1)), np.reshape(V_Labels, (-1, 1)),
            np.reshape(F_Labels, (-1, 1)), np.reshape(U_Labels, (-1, 1)))


def preprocessing(File=None):
    N, S, V, F, U = Load_Data(File=File)
    NSet, SSet, VSet, FSet, USet = N[:], S[:], V[:], F[:], U[:]
    N_L, S_L, V_L, F_L, U_L = create_labels(NSet, SSet, VSet, FSet, USet)
    Dataset = np.concatenate((NSet, SSet, VSet, FSet, USet), axis=0)
    Labels = np.concatenate((N_L, S_L, V_L, F_L, U_L), axis=0)
    return Dataset, Labels


def ANN(input_shape=None):
    model = Sequential()
    model.add(tf.keras.Input(shape=(128,)))
    model.add(layers.Dense(128, activation='relu'))
    model.add(layers.Dense(68, activation='relu'))
    model.add(layers.Dense(32, activation='relu'))
    model.add(layers.Dense(16, activation='relu'))
    model.add(layers.Dense(5, activation='softmax'))
    opt = tf.keras.optimizers.Adam(learning_rate=0.0005)
    model.compile(optimizer=opt, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    return model


def main():
    Dataset, Labels = preprocessing(File='Dataset(Train)')
    X_train, X_validation, y_train, y_validation = train_test_split(Dataset, Labels, test_size=0.2, shuffle=True,
                                                                    random_state=128)
    earlystop = keras.callbacks.EarlyStopping(monitor='val_loss', min_delta=0.001, patience=20, mode='min',
                                              restore_best_weights=True)
    input_shape = X_train.shape
    batch_size = 128
    epoch = 100
    model = ANN(input_shape=input_shape)
    model.summary()
    history = model.fit(X_train, y_train, batch_size=batch_size, epochs=epoch, verbose=1, callbacks=[earlystop],
                        validation_data=(X_validation, y_validation))


if __name__ == '__main__':
    main()
