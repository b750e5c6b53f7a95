"""The abstract shape engine: Keras's shape and weight semantics, in pure Python.

Nothing here imports libcst or Keras.  Values come in from the front-end as
Python literals, :data:`~kerascheck.engine.dims.UNKNOWN`, or engine objects
(tensors, layers, models); shapes, weights and errors go out.
"""
