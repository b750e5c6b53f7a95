"""Keras 3's backends: the values of ``KERAS_BACKEND`` (``keras/src/backend/__init__.py``)."""

BACKENDS = ("jax", "tensorflow", "torch", "numpy", "openvino")
