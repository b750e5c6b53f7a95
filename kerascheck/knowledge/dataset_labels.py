"""The largest label of the ``keras.datasets`` classification sets, as Keras 3.15.1's
``load_data`` docstrings give their classes (``y_train``: "integers in range 0-9"; CIFAR-100:
"100 fine-grained classes that are grouped into 20 coarse-grained classes"; IMDB: "labeled by
sentiment (positive/negative)"; Reuters: "labeled over 46 topics"), every class occurring in
each split: what ``keras.utils.to_categorical(y_train)`` without ``num_classes`` counts (the
largest label + 1).

Loader arguments that drop or move samples (IMDB's and Reuters' ``maxlen``, Reuters'
``test_split``) may drop a class from a split: with them, the largest label is not known.
"""

# dataset -> the largest label (CIFAR-100: by label_mode)
LARGEST_LABEL = {
    "mnist": 9,
    "fashion_mnist": 9,
    "cifar10": 9,
    "cifar100": {"fine": 99, "coarse": 19},
    "imdb": 1,
    "reuters": 45,
}

# The loader arguments that keep every sample in its split.
KEEP_EVERY_SAMPLE = frozenset({"path", "num_words", "skip_top", "seed", "start_char", "oov_char", "index_from",
                               "label_mode"})
