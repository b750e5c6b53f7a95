# Source: https://github.com/akshaybahadur21/Guitar-Learner/issues/2 — Error when checking target: expected dense_2 to have shape (6,) but got array with shape (7,) (Trainer.py: "Found 6720 images belonging to 7 classes", the model's last layer has 6 units)
# The repository's Trainer.py for Keras 3 (ImageDataGenerator from tensorflow.keras, as Keras 3 no longer has it): fit_generator as fit, evaluate_generator as evaluate, the .h5 files as .keras;
# the chords folder holds 7 chord folders of 200x200 grey images (5 each here).
from keras.callbacks import ModelCheckpoint
from keras.layers import Dense, Flatten, Conv2D
from keras.layers import MaxPooling2D, Dropout
from keras.models import Sequential
from tensorflow.keras.preprocessing.image import ImageDataGenerator

image_x, image_y = 200, 200
batch_size = 64
train_dir = "chords"


def keras_model(image_x, image_y):
    num_of_classes = 6
    model = Sequential()
    model.add(Conv2D(32, (5, 5), input_shape=(image_x, image_y, 1), activation='relu'))
    model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding='same'))
    model.add(Conv2D(64, (5, 5), activation='relu'))
    model.add(MaxPooling2D(pool_size=(5, 5), strides=(5, 5), padding='same'))
    model.add(Flatten())
    model.add(Dense(1024, activation='relu'))
    model.add(Dropout(0.6))
    model.add(Dense(num_of_classes, activation='softmax'))

    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    filepath = "guitar_learner.keras"
    checkpoint = ModelCheckpoint(filepath, monitor='val_acc', verbose=1, save_best_only=True, mode='max')
    callbacks_list = [checkpoint]

    return model, callbacks_list


def main():
    train_datagen = ImageDataGenerator(
        rescale=1. / 255,
        width_shift_range=0.2,
        height_shift_range=0.2,
        shear_range=0.2,
        rotation_range=15,
        zoom_range=0.2,
        horizontal_flip=False,
        validation_split=0.2,
        fill_mode='nearest')

    train_generator = train_datagen.flow_from_directory(
        train_dir,
        target_size=(image_x, image_y),
        color_mode="grayscale",
        batch_size=batch_size,
        seed=42,
        class_mode='categorical',
        subset="training")

    validation_generator = train_datagen.flow_from_directory(
        train_dir,
        target_size=(image_x, image_y),
        color_mode="grayscale",
        batch_size=batch_size,
        seed=42,
        class_mode='categorical',
        subset="validation")

    model, callbacks_list = keras_model(image_x, image_y)
    model.fit(train_generator, epochs=5, validation_data=validation_generator)
    scores = model.evaluate(validation_generator, steps=64)
    print("CNN Error: %.2f%%" % (100 - scores[1] * 100))

    model.save('guitar_learner.keras')


main()
