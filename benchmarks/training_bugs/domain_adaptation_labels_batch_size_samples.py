# Source: https://github.com/keras-team/keras/issues/6385 (issue description) — model.fit({'input1': Xb, 'input2': tb}, [yb, D_labels], ...) fails (All target arrays (y) should have the same number of samples): the domain labels D_labels hold batch_size labels, not one per sample
# The user's two-input, two-output model (a prediction head and a domain classifier behind a gradient
# flip); the flip_gradient Lambda as an identity Lambda, merge(mode='concat') as concatenate, the Keras 1
# arguments (W_regularizer, input=/output=, nb_epoch) in their Keras 3 spelling, the data made with NumPy.
import numpy as np
from keras.layers import Input, Dense, Lambda, concatenate
from keras.models import Model
from keras.regularizers import l2

n_feat, n_neurons, batch_size = 25, 32, 128
Xb = np.random.rand(300, n_feat)
tb = np.random.randint(0, 2, (300, 1)).astype('float32')
yb = np.random.rand(300, 1)

input1 = Input(shape=(n_feat,), name='input1')
input2 = Input(shape=(1,), name='input2')

# Create Model
x = Dense(n_neurons, kernel_regularizer=l2(0.001), activation='relu')(input1)
merg_x = concatenate([x, input2], axis=-1)
pred_out = Dense(1, activation='relu', name='pred_out')(merg_x)

f_ = Lambda(lambda x: x)(merg_x)
x = Dense(n_feat, activation='relu')(f_)
x = Dense(n_feat, activation='relu')(x)
dom_out = Dense(2, activation='softmax', name='dom_out')(x)
D_labels = np.hstack([np.zeros(int(batch_size / 2), dtype=np.int32),
                      np.ones(int(batch_size / 2), dtype=np.int32)])
print(Xb.shape, tb.shape, yb.shape, D_labels.shape)
model = Model(inputs=[input1, input2], outputs=[pred_out, dom_out])
model.compile(optimizer='RMSprop', loss=[lambda yb, pred_out: yb - pred_out, 'sparse_categorical_crossentropy'])
model.fit({'input1': Xb, 'input2': tb}, [yb, D_labels], epochs=50, batch_size=128)
