"""Activation names ``keras.activations.get`` accepts, recorded by
tests/oracle/record_activations.py.

Do not edit by hand: re-run the recorder.
"""

# fmt: off
KERAS_VERSION = '3.15.1'

ACTIVATION_NAMES = frozenset(['celu',
 'elu',
 'exponential',
 'gelu',
 'glu',
 'hard_shrink',
 'hard_sigmoid',
 'hard_silu',
 'hard_swish',
 'hard_tanh',
 'leaky_relu',
 'linear',
 'log_sigmoid',
 'log_softmax',
 'mish',
 'relu',
 'relu6',
 'selu',
 'sigmoid',
 'silu',
 'soft_shrink',
 'softmax',
 'softplus',
 'softsign',
 'sparse_plus',
 'sparse_sigmoid',
 'sparsemax',
 'squareplus',
 'swish',
 'tanh',
 'tanh_shrink',
 'threshold'])
