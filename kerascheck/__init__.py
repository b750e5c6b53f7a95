"""kerascheck: predict Keras ``model.summary()`` and find shape errors, statically."""

__version__ = "0.1.0"
