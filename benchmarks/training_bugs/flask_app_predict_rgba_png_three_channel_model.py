# Source: https://github.com/imfing/keras-flask-deploy-webapp/issues/23 — ValueError: Error when checking input: expected conv2d_1_input to have shape (28, 28, 3) but got array with shape (28, 28, 4)
# The user's own model (28x28 RGB images, two classes: nothing / weapon) in the repository's app.py
# model_predict; the model is built here rather than loaded, and the uploaded image is a PNG with an alpha
# channel written with PIL.
import numpy as np
from PIL import Image
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense
from keras.preprocessing import image
from keras.applications.imagenet_utils import preprocess_input

model = Sequential([
    Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 3)),
    MaxPooling2D((2, 2)),
    Conv2D(64, (3, 3), activation='relu'),
    MaxPooling2D((2, 2)),
    Flatten(),
    Dense(64, activation='relu'),
    Dense(2, activation='softmax'),
])
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])

# the uploaded picture: a PNG, four channels (RGBA)
Image.fromarray(np.random.randint(0, 255, (120, 90, 4), dtype=np.uint8), 'RGBA').save('upload.png')


def model_predict(img, model):
    # pre-process the image for classification
    img = img.resize((28, 28))
    # Preprocessing the image
    x = image.img_to_array(img)
    x = np.expand_dims(x, axis=0)
    x = preprocess_input(x, mode='tf')

    # classify the input image
    (nt, weapon) = model.predict(x)[0]
    return nt, weapon


img = Image.open('upload.png')
print(model_predict(img, model))
