# Source: https://github.com/keras-team/keras/issues/15837 — ValueError: Layer "model_1" expects 1 input(s), but it received 2 input tensors as more than one face appears in frame (Real Time Mask Detection System: maskNet.predict(faces) on a Python list of faces)
# maskNet as the project's train_mask_detector.py builds it (MobileNetV2 and a new head); the faces the
# face detector cut out of a frame are read here from the user's files (224x224 RGB crops).
import os
import numpy as np
from keras.applications import MobileNetV2
from keras.applications.mobilenet_v2 import preprocess_input
from keras.layers import AveragePooling2D, Dropout, Flatten, Dense, Input
from keras.models import Model

baseModel = MobileNetV2(weights="imagenet", include_top=False, input_tensor=Input(shape=(224, 224, 3)))
headModel = baseModel.output
headModel = AveragePooling2D(pool_size=(7, 7))(headModel)
headModel = Flatten(name="flatten")(headModel)
headModel = Dense(128, activation="relu")(headModel)
headModel = Dropout(0.5)(headModel)
headModel = Dense(3, activation="softmax")(headModel)
maskNet = Model(inputs=baseModel.input, outputs=headModel)


def detect_and_predict_mask(face_files, maskNet):
    faces = []
    locs = []
    preds = []
    for i, path in enumerate(face_files):
        face = np.load(path)
        face = preprocess_input(face)
        faces.append(face)
        locs.append((0, 0, 224, 224))
    if len(faces) > 0:
        faces = np.array(faces, dtype="float32")
        preds = maskNet.predict(faces, batch_size=32)
    return (locs, preds)


frame_faces = [os.path.join('frame_faces', name) for name in sorted(os.listdir('frame_faces'))]
(locs, preds) = detect_and_predict_mask(frame_faces, maskNet)
for (box, pred) in zip(locs, preds):
    (noproperMask, mask, withoutMask) = pred
    print(box, noproperMask, mask, withoutMask)
