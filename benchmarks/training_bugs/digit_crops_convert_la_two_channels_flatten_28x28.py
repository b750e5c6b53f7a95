# Source: https://github.com/tensorflow/tensorflow/issues/44404 — Keras Sequential Model Not taking IN the data due to Matrix size-incompatible: InvalidArgumentError: Matrix size-incompatible: In[0]: [28,56], In[1]: [784,1] (digits cropped with PIL, kept as img.convert('LA'), given to the beginner quickstart's Flatten(input_shape=(28, 28)))
# The digits cropped from a page made here with PIL (the user's bounding boxes as `matrix` corners);
# `.numpy()` on the model's output written keras.ops.convert_to_numpy (the JAX backend).
import numpy
import tensorflow as tf
import keras
from PIL import Image

page = Image.fromarray(numpy.random.randint(0, 255, (120, 200, 3), dtype=numpy.uint8))
boxes = [[(10, 10), (40, 10), (40, 50), (10, 50)], [(60, 12), (88, 12), (88, 52), (60, 52)],
         [(110, 8), (140, 8), (140, 48), (110, 48)]]

lstOfArrays = []
for matrix in boxes:
    img = page
    x = img.crop([matrix[0][0] - 2, matrix[0][1], matrix[2][0] + 2, matrix[2][1] + 2])
    img = x.resize((28, 28))
    lstOfArrays.append(numpy.array(img.convert('LA')))

x_train = numpy.array(lstOfArrays) / 255.0

model = tf.keras.models.Sequential([
    tf.keras.layers.Flatten(input_shape=(28, 28)),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(10)
])
predictions = keras.ops.convert_to_numpy(model(x_train[:1]))
print(predictions)
