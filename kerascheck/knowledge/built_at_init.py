"""Keras layer classes built at construction (``Layer._build_at_init``), recorded by
tests/oracle/record_built_at_init.py.

Do not edit by hand: re-run the recorder.
"""

# fmt: off
KERAS_VERSION = '3.15.1'

BUILT_AT_INIT = frozenset(['Activation', 'ActivityRegularization', 'AlphaDropout', 'AveragePooling1D', 'AveragePooling2D',
 'AveragePooling3D', 'AvgPool1D', 'AvgPool2D', 'AvgPool3D', 'Dropout', 'ELU', 'GaussianDropout',
 'GaussianNoise', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'GlobalAveragePooling3D',
 'GlobalAvgPool1D', 'GlobalAvgPool2D', 'GlobalAvgPool3D', 'GlobalMaxPool1D', 'GlobalMaxPool2D',
 'GlobalMaxPool3D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalMaxPooling3D', 'Identity',
 'LeakyReLU', 'Masking', 'MaxPool1D', 'MaxPool2D', 'MaxPool3D', 'MaxPooling1D', 'MaxPooling2D',
 'MaxPooling3D', 'ReLU', 'Softmax', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D',
 'TFSMLayer', 'UnitNormalization'])
