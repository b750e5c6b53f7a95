# Source: https://github.com/keras-team/keras/issues/8078 (issue description) — model.fit_generator(data_gen(top_dim, bot_dim), ...) fails: the generator yields a list of [top_img, bot_img] pairs per sample for the two-input model, and a list of labels
# Fix (the answer): one array per input, stacked over the batch, and the labels as an array:
# yield [np.array(top_imgs), np.array(bot_imgs)], np.array(batch_labels).
# The user's data_gen and a two-input model (their get_p... sub-networks not shown: small Conv/Dense
# branches here), image sizes reduced, fit_generator as fit.
from keras.layers import Input, concatenate, Dense, Conv2D, Flatten
from keras.models import Model
from keras.optimizers import Adam
import numpy as np


def data_gen(top_dim, bot_dim):
    """
    Generator to yield inputs and their labels in batches.
    """
    batch_size = 16
    while True:
        top_imgs, bot_imgs = [], []
        batch_labels = []
        for i in range(batch_size):
            # Create random arrays
            rand_pix = np.random.randint(100, 256)
            top_img = np.full(top_dim, rand_pix)
            bot_img = np.full(bot_dim, rand_pix)

            # Set a label
            label = np.random.choice([0, 1])

            top_imgs.append(top_img)
            bot_imgs.append(bot_img)
            batch_labels.append(label)

        yield [np.array(top_imgs, dtype='float32'), np.array(bot_imgs, dtype='float32')], np.array(batch_labels)


def get_branch(dim):
    inp = Input(shape=dim)
    x = Conv2D(8, (3, 3), activation='relu')(inp)
    x = Flatten()(x)
    return inp, Dense(16, activation='relu')(x)


def get_compiled_model(top_dim, bot_dim):
    """
    Return a two input one output model.
    """
    top_in, top_out = get_branch(top_dim)
    bot_in, bot_out = get_branch(bot_dim)
    x = concatenate([top_out, bot_out])
    out = Dense(1, activation='sigmoid')(x)
    model = Model(inputs=[top_in, bot_in], outputs=out)
    model.compile(optimizer=Adam(), loss='binary_crossentropy', metrics=['accuracy'])
    return model


top_dim = (20, 30, 3)
bot_dim = (12, 30, 3)
model = get_compiled_model(top_dim, bot_dim)
model.fit(data_gen(top_dim, bot_dim), steps_per_epoch=10, epochs=5)
