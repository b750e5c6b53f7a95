# Source: https://github.com/pypower-codes/Emotion-Detection/issues/1 — ValueError: Input 0 is incompatible with layer model_1: expected shape=(None, 224, 224, 3), found shape=(None, 48, 48, 1)
# The repository's train.py builds the MobileNet model (224x224 RGB, five emotions); its test.py crops each
# face from the webcam frame in grayscale, resizes it to 48x48 and predicts. Here the model is built as in
# train.py (without the ImageNet weights, no download) rather than loaded from Emotion_Detection.h5, the
# frame is a random array and the cv2 calls are done with PIL/NumPy.
import numpy as np
from PIL import Image
from keras.applications import MobileNet
from keras.models import Model
from keras.layers import Dense, GlobalAveragePooling2D
from keras.optimizers import Adam
from keras.preprocessing.image import img_to_array

img_rows, img_cols = 224, 224

MobileNet = MobileNet(weights=None, include_top=False, input_shape=(img_rows, img_cols, 3))

for layer in MobileNet.layers:
    layer.trainable = True


def addTopModelMobileNet(bottom_model, num_classes):
    """creates the top or head of the model that will be
    placed ontop of the bottom layers"""

    top_model = bottom_model.output
    top_model = GlobalAveragePooling2D()(top_model)
    top_model = Dense(1024, activation='relu')(top_model)
    top_model = Dense(1024, activation='relu')(top_model)
    top_model = Dense(512, activation='relu')(top_model)
    top_model = Dense(num_classes, activation='softmax')(top_model)
    return top_model


num_classes = 5

FC_Head = addTopModelMobileNet(MobileNet, num_classes)

classifier = Model(inputs=MobileNet.input, outputs=FC_Head)
classifier.compile(loss='categorical_crossentropy', optimizer=Adam(learning_rate=0.001), metrics=['accuracy'])

class_labels = ['Angry', 'Happy', 'Neutral', 'Sad', 'Surprise']

# test.py: a frame from the webcam, one face found in it
frame = np.random.randint(0, 255, (480, 640, 3), dtype=np.uint8)
gray = np.array(Image.fromarray(frame).convert('L'))
faces = [(250, 140, 160, 160)]

for (x, y, w, h) in faces:
    roi_gray = gray[y:y + h, x:x + w]
    roi_gray = np.array(Image.fromarray(roi_gray).resize((48, 48), Image.BOX))

    if np.sum([roi_gray]) != 0:
        roi = roi_gray.astype('float') / 255.0
        roi = img_to_array(roi)
        roi = np.expand_dims(roi, axis=0)

        # make a prediction on the ROI, then lookup the class
        preds = classifier.predict(roi)[0]
        label = class_labels[preds.argmax()]
        print("\nlabel = ", label)
