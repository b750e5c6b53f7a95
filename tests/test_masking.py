"""Masks on symbolic tensors (kerascheck/engine/masking.py): where the mask's behaviour is not
known, what depends on it is unknown.  What Keras does is proven by the fixtures
(fixtures/projects/*mask*.py and config_dict_text_classifier.py, recorded with real Keras)."""

from __future__ import annotations

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import KerasTensor, Session


def _embedded(session: Session, **kwargs) -> KerasTensor:
    tokens = session.input([], {"shape": (10,), "dtype": "int32"}, None)
    embedding = session.create_layer("Embedding", [50, 8], kwargs, None)
    return session.call(embedding, tokens, None)


def test_mask_zero_creates_a_not_equal_operation_that_joins_the_next_rnn_node() -> None:
    session = Session()
    x = _embedded(session, mask_zero=True)
    assert x.mask.layer.class_name == "NotEqual" and x.mask.layer.name == "not_equal"
    y = session.call(session.create_layer("LSTM", [4], {}, None), x, None)
    assert [t.layer.name for t in y.node.inputs] == ["embedding", "not_equal"]
    assert y.mask is None  # no return_sequences: the mask stops here


def test_a_layer_without_mask_support_drops_the_mask() -> None:
    session = Session()
    x = session.call(session.create_layer("Flatten", [], {}, None), _embedded(session, mask_zero=True), None)
    assert x.mask is None


def test_a_keyword_argument_keeps_the_mask_out_of_the_node() -> None:
    session = Session()
    x = _embedded(session, mask_zero=True)
    lstm = session.create_layer("LSTM", [4], {"return_sequences": True}, None)
    y = session.call(lstm, x, None, single_positional=False)
    assert [t.layer.name for t in y.node.inputs] == ["embedding"]
    assert y.mask is x.mask  # still passed to call() and propagated


def test_an_unknown_mask_zero_makes_the_masked_call_unknown() -> None:
    session = Session()
    x = _embedded(session, mask_zero=UNKNOWN)
    assert x.mask is UNKNOWN
    assert session.call(session.create_layer("GRU", [4], {}, None), x, None) is UNKNOWN
    dense = session.call(session.create_layer("Dense", [4], {}, None), x, None)
    assert isinstance(dense, KerasTensor) and dense.mask is UNKNOWN  # Dense takes no mask: its node is known


def test_a_user_layer_with_its_own_compute_mask_makes_names_unknown() -> None:
    session = Session()
    layer = session.custom_layer("Tagger", None, None)
    layer.defines_compute_mask = True
    layer.call_hook = lambda self, inputs, args, kwargs: inputs
    tokens = session.input([], {"shape": (10, 3)}, None)
    out = session.call(layer, tokens, None)
    assert out.mask is UNKNOWN
    assert session.auto_name("Dense") is UNKNOWN


def test_keras2_creates_no_mask_operations() -> None:
    session = Session(keras_version=2)
    x = _embedded(session, mask_zero=True)
    y = session.call(session.create_layer("LSTM", [4], {}, None), x, None)
    assert x.mask is None and [t.layer.name for t in y.node.inputs] == ["embedding"]
