"""libcst front-end: reads Python source and replays its Keras calls on the engine."""
