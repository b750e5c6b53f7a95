"""Rules of the operations ``keras.ops`` functions create, one module per family (as the layer
rules in :mod:`kerascheck.engine.layers`).

Importing this package registers every rule in :data:`kerascheck.engine.operations.OP_RULES`;
the registry does so on its first lookup.
"""

from kerascheck.engine.ops import (  # noqa: F401  (imported to register rules)
    core,
    creation,
    elementwise,
    image,
    linalg,
    nn,
    reductions,
    shapes,
    signal,
)
