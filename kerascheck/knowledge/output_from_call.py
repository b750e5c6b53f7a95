"""Keras layer classes whose symbolic output Keras computes by tracing ``call()`` (their
``compute_output_shape`` and ``compute_output_spec`` are ``Layer``'s), recorded by
tests/oracle/record_built_at_init.py.  A user's subclass of any other built-in layer keeps
its base's output shape whatever its own ``call()`` does.

Do not edit by hand: re-run the recorder.
"""

# fmt: off
KERAS_VERSION = '3.15.1'

OUTPUT_FROM_CALL = frozenset(['FlaxLayer', 'GRUCell', 'InputLayer', 'JaxLayer', 'LSTMCell', 'Layer', 'Pipeline', 'SimpleRNNCell',
 'StackedRNNCells', 'TFSMLayer', 'Wrapper'])
