"""Layer rules, one module per Keras layer family (as in ``keras/src/layers/``).

Importing this package registers every rule in :data:`kerascheck.engine.layer.RULES`.
"""

from kerascheck.engine.layers import (  # noqa: F401  (imported to register rules)
    activations,
    applications,
    attention,
    audio,
    convolutional,
    core,
    lookup,
    merging,
    normalization,
    pooling,
    preprocessing,
    regularization,
    reshaping,
    rnn,
)
