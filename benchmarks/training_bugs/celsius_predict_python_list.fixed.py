# Source: https://github.com/tensorflow/examples/pull/506 — passing np array to predict function: ValueError: Unrecognized data type: x=[100.0] (of type <class 'list'>) in courses/hands-on/l02c01_celsius_to_fahrenheit.py
# The course script (tf.keras as keras).
import numpy as np
import keras

celsius_q = np.array([-40, -10, 0, 8, 15, 22, 38], dtype=float)
fahrenheit_a = np.array([-40, 14, 32, 46, 59, 72, 100], dtype=float)

for i, c in enumerate(celsius_q):
    print("{} degrees Celsius = {} degrees Fahrenheit".format(c, fahrenheit_a[i]))

l0 = keras.layers.Dense(units=1, input_shape=[1])
model = keras.Sequential([l0])
model.compile(loss='mean_squared_error', optimizer=keras.optimizers.Adam(0.1))
history = model.fit(celsius_q, fahrenheit_a, epochs=500, verbose=False)
print("Finished training the model")

print(model.predict(np.array([100.0])))
print("These are the layer variables: {}".format(l0.get_weights()))
