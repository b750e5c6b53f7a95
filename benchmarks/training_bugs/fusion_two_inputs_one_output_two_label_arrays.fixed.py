# Source: https://github.com/keras-team/keras/issues/10639 — Multiple inputs fusion model not working (visible and thermal images, two CNN branches concatenated, one softmax output) fit with [train_y1, train_y2]; the branches as the user posted them in https://github.com/keras-team/keras/issues/148 (IndexError: list index out of range)
# Fix: the model has one output, so one array of labels (the pair of images shares its class).
# The visible and thermal images (150x150 grey) and their 3 classes are made here, 40 of each.
import numpy as np
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, Dropout, Flatten, Dense
from keras.layers import concatenate
from keras.optimizers import Adam
from keras.utils import to_categorical

train_x1 = np.random.rand(40, 150, 150, 1).astype('float32')   # visible
train_x2 = np.random.rand(40, 150, 150, 1).astype('float32')   # thermal
classes = np.random.randint(0, 3, 40)
train_y1 = to_categorical(classes, 3)
train_y2 = to_categorical(classes, 3)


def branch(input_layer):
    x = Conv2D(32, kernel_size=(3, 3), activation='relu', padding='same')(input_layer)
    x = MaxPooling2D((2, 2), padding='same')(x)
    x = Dropout(0.25)(x)
    x = Conv2D(64, kernel_size=(3, 3), activation='relu', padding='same')(x)
    x = MaxPooling2D((2, 2), padding='same')(x)
    x = Dropout(0.25)(x)
    x = Conv2D(128, kernel_size=(3, 3), activation='relu', padding='same')(x)
    x = MaxPooling2D((2, 2), padding='same')(x)
    x = Dropout(0.25)(x)
    x = Conv2D(64, kernel_size=(3, 3), activation='relu', padding='same')(x)
    x = MaxPooling2D((2, 2), padding='same')(x)
    x = Dropout(0.25)(x)
    x = Conv2D(32, kernel_size=(3, 3), activation='relu', padding='same')(x)
    x = MaxPooling2D((2, 2), padding='same')(x)
    return Flatten()(x)


input1 = Input(shape=(150, 150, 1))
branch1 = branch(input1)
input2 = Input(shape=(150, 150, 1))
branch2 = branch(input2)

model_list = [branch1, branch2]
merged = concatenate(model_list, axis=1)
x = Dense(10, activation='relu')(merged)
x = Dense(10, activation='relu')(x)
output = Dense(3, activation='softmax')(x)
final_model = Model(inputs=[input1, input2], outputs=output)

# compile the model
adam = Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, amsgrad=False)  # `lr=0.001, ..., epsilon=None, decay=0.0` in the report
final_model.compile(optimizer=adam, loss='categorical_crossentropy', metrics=['accuracy'])

final_model.fit([train_x1, train_x2], train_y1, steps_per_epoch=20, epochs=10, verbose=1)
