# Source: https://github.com/NoviceMAn-prog/MSRF-Net/issues/3 (issue description) — G.train_on_batch(x=[X_batch, edge_x], y=[Y_batch, edge_y, Y_batch, Y_batch]) fails (Expected to see 1 array(s), but instead got the following list of 2 arrays): the model then took one input, the images
# The training loop of the repository's train script around a stand-in for its generator G (one image
# input, four sigmoid mask outputs, as in the version the user ran), images and masks made with NumPy at
# 64x64, one batch.
import numpy as np
from keras.layers import Input, Conv2D
from keras.models import Model

batch_size = 4
X_tot_train = np.random.rand(8, 64, 64, 3).astype('float32')
Y_tot_train = (np.random.rand(8, 64, 64, 1) > 0.5).astype('float32')
canny_train = (np.random.rand(8, 64, 64, 1) > 0.5).astype('float32')


def msrf(input_size=(64, 64, 3)):
    inputs = Input(input_size)
    x = Conv2D(16, 3, padding='same', activation='relu')(inputs)
    x = Conv2D(16, 3, padding='same', activation='relu')(x)
    out_main = Conv2D(1, 1, activation='sigmoid', name='x')(x)
    out_edge = Conv2D(1, 1, activation='sigmoid', name='edge_out')(x)
    out_ds1 = Conv2D(1, 1, activation='sigmoid', name='pred4')(x)
    out_ds2 = Conv2D(1, 1, activation='sigmoid', name='pred2')(x)
    return Model(inputs=inputs, outputs=[out_main, out_edge, out_ds1, out_ds2])


G = msrf()
G.compile(optimizer='adam', loss=['binary_crossentropy'] * 4, loss_weights=[2., 1., 1., 1.])

for ep in range(1):
    for i in range(0, len(X_tot_train), batch_size):
        X_batch = X_tot_train[i:i + batch_size]
        Y_batch = Y_tot_train[i:i + batch_size]
        edge_x = canny_train[i:i + batch_size]
        edge_y = canny_train[i:i + batch_size]
        G.train_on_batch(x=[X_batch, edge_x], y=[Y_batch, edge_y, Y_batch, Y_batch])
