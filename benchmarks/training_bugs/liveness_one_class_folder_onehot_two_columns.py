# Source: https://github.com/joytsay/livenessDetection/issues/4 — error when training: ValueError: Error when checking target: expected fc2 to have shape (1,) but got array with shape (2,) (train_liveness.py line 69, labels = np_utils.to_categorical(labels, 2))
# The repository's train_liveness.py (with pyimagesearch/livenessnet.py inlined) run on a dataset folder holding one
# class of faces, as the model's one-unit head shows (classes=len(le.classes_)). For Keras 3 and this machine: the
# argparse options as their values (--dataset dataset --model liveness.model --le le.pickle), imutils' list_images
# as the os.walk it does (imutils not installed), ResNet50 weights=None (no download), keras.src imports as keras
# ones, np_utils.to_categorical as keras.utils.to_categorical, ImageDataGenerator from tensorflow.keras,
# fit_generator as fit, the model saved as .keras; the matplotlib plot at the end left out (not installed). The
# dataset/real folder of face crops is written by the recorder (12 images).
from keras.layers import Flatten
from keras.layers import Dropout
from keras.layers import Dense
from keras.models import Model
from keras.applications.resnet50 import ResNet50


class LivenessNet:
	@staticmethod
	def build(width, height, depth, classes):
		net = ResNet50(include_top=False, weights=None, input_tensor=None, input_shape=(width, height, depth))
		res = net.output
		res = Flatten()(res)
		res = Dropout(0.5)(res)
		fc = Dense(classes, activation='softmax', name='fc2')(res)
		model = Model(inputs=net.input, outputs=fc)
		return model


from sklearn.preprocessing import LabelEncoder
from sklearn.model_selection import train_test_split
from sklearn.metrics import classification_report
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from keras.optimizers import Adam
from keras.utils import to_categorical
import numpy as np
import pickle
import cv2
import os


def list_images(basePath):
	for (rootDir, dirNames, filenames) in os.walk(basePath):
		for filename in filenames:
			if filename.lower().endswith((".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")):
				yield os.path.join(rootDir, filename)


args = {"dataset": "dataset", "model": "liveness.keras", "le": "le.pickle", "plot": "plot.png"}

# initialize the initial learning rate, batch size, and number of
# epochs to train for
INIT_LR = 1e-4
BS = 8
EPOCHS = 50

# grab the list of images in our dataset directory, then initialize
# the list of data (i.e., images) and class images
print("[INFO] loading images...")
imagePaths = list(list_images(args["dataset"]))
data = []
labels = []

for imagePath in imagePaths:
	# extract the class label from the filename, load the image and
	# resize it to be a fixed 32x32 pixels, ignoring aspect ratio
	label = imagePath.split(os.path.sep)[-2]
	image = cv2.imread(imagePath)
	#print(imagePath)
	image = cv2.resize(image, (32, 32))

	# update the data and labels lists, respectively
	data.append(image)
	labels.append(label)

# convert the data into a NumPy array, then preprocess it by scaling
# all pixel intensities to the range [0, 1]
data = np.array(data, dtype="float") / 255.0

# encode the labels (which are currently strings) as integers and then
# one-hot encode them
le = LabelEncoder()
labels = le.fit_transform(labels)
labels = to_categorical(labels, 2)

# partition the data into training and testing splits using 75% of
# the data for training and the remaining 25% for testing
(trainX, testX, trainY, testY) = train_test_split(data, labels,
	test_size=0.25, random_state=42)

# construct the training image generator for data augmentation
aug = ImageDataGenerator(rotation_range=20, zoom_range=0.15,
	width_shift_range=0.2, height_shift_range=0.2, shear_range=0.15,
	horizontal_flip=True, fill_mode="nearest")

# initialize the optimizer and model
print("[INFO] compiling model...")
opt = Adam(learning_rate=INIT_LR)
model = LivenessNet.build(width=32, height=32, depth=3,
	classes=len(le.classes_))
model.compile(loss="binary_crossentropy", optimizer=opt,
	metrics=["accuracy"])

# train the network
print("[INFO] training network for {} epochs...".format(EPOCHS))
H = model.fit(aug.flow(trainX, trainY, batch_size=BS),
	validation_data=(testX, testY), steps_per_epoch=len(trainX) // BS,
	epochs=EPOCHS)

# evaluate the network
print("[INFO] evaluating network...")
predictions = model.predict(testX, batch_size=BS)
print(classification_report(testY.argmax(axis=1),
	predictions.argmax(axis=1), target_names=le.classes_))

# save the network to disk
print("[INFO] serializing network to '{}'...".format(args["model"]))
model.save(args["model"])

# save the label encoder to disk
f = open(args["le"], "wb")
f.write(pickle.dumps(le))
f.close()
