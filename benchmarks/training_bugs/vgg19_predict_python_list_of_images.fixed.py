# Source: https://github.com/keras-team/keras/issues/4189 — VGG19 predict batch error: Expected to see 1 arrays but instead got the following list of 20 arrays
# The images are read from the user's folder (here .npy files, smaller than 224x224).
import os
import numpy as np
from keras.applications.vgg19 import VGG19, preprocess_input

model = VGG19(include_top=False, weights='imagenet', input_tensor=None)

batch = []
for fname in sorted(os.listdir('images')):
    img = np.load(os.path.join('images', fname))
    batch.append(preprocess_input(img))

features = model.predict(np.array(batch), batch_size=20)
print(features.shape)
