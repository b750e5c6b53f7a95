# Source: https://github.com/keras-team/keras/issues/10135 — to_categorical(cols, num_classes=len(cols)): IndexError: index 8 is out of bounds for axis 1 with size 8
from keras.utils import to_categorical

cols = [8, 4, 6, 3, 5, 9, 7, 2]
# the answer: the columns go by the largest value (so that argmax gives the class back): max + 1 of them
arr = to_categorical(cols, num_classes=max(cols) + 1)
print(arr.shape)
