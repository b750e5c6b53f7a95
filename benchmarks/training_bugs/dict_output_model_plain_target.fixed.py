# Source: https://github.com/keras-team/keras/issues/18959 — When output is provided as a dictionary a loss function is not set during compile (Keras 3)
import keras
import numpy

x = keras.layers.Input((16, 16))
x2 = keras.layers.Dense(32)(x)
x2 = keras.layers.Dense(1, activation="sigmoid")(x2)

model = keras.models.Model(inputs=[x], outputs={"dt": x2})

model.compile(optimizer=keras.optimizers.Adam(0.0001), loss={"dt": "mean_squared_error"})

i = numpy.random.random((5, 16, 16))
o = (numpy.random.random((5, 16, 1)) > 0.5) * 1
model.fit(i, {"dt": o})
