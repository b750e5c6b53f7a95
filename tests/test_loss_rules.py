"""Every loss case recorded from real Keras (tests/oracle/loss_cases.py: ``model.fit`` of a tiny
model) through ``check_loss``: an error with Keras's exact message where Keras raised, None
where it trained.  A case ``unmodelled`` (for the reason it gives) only has to stay silent.
No expected message is typed here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN, partial_shape
from kerascheck.engine.losses import LossSpec, check_loss, loss_error, loss_spec

ROOT = Path(__file__).resolve().parents[1]
RECORDED = json.loads((ROOT / "fixtures" / "losses" / "losses.json").read_text())
CASES = RECORDED["cases"]


def _arguments(case: dict) -> tuple:
    shape, dtype = case["labels"]
    return case["loss"], ArraySpec(tuple(shape), dtype), tuple(case["output"])


def _weights(case: dict) -> ArraySpec | None:
    return ArraySpec(tuple(case["sample_weight"]), "float32") if "sample_weight" in case else None


def _describe(case: dict) -> str:
    outcome = f"Keras raises {case['error_type']}: {case['error']}" if "error" in case else "Keras trains"
    weights = f", sample_weight {case['sample_weight']}" if "sample_weight" in case else ""
    return f"fit with loss={case['loss']} on labels {case['labels']}{weights}, output {case['output']}: {outcome}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_loss_case(case: dict) -> None:
    error = loss_error(*_arguments(case), sample_weight=_weights(case))
    if "unmodelled" in case:  # silent, or Keras's error exactly
        assert error is None or (error.error_type, error.message) == (case["error_type"], case["error"]), _describe(case)
    elif "error" in case:
        assert error is not None, _describe(case)
        assert (error.error_type, error.message) == (case["error_type"], case["error"]), _describe(case)
    else:
        assert error is None, f"kerascheck claims {error.message if error else ''!r}; {_describe(case)}"


def test_every_builtin_loss_function_is_recorded_and_most_errors_are_modelled() -> None:
    from kerascheck.knowledge import keras_losses

    recorded = {c["loss"] for c in CASES if isinstance(c["loss"], str)}
    assert set(keras_losses.STRINGS.values()) <= {keras_losses.STRINGS[n] for n in recorded if n in keras_losses.STRINGS}
    errors = [c for c in CASES if "error" in c]
    assert errors and sum("unmodelled" in c for c in errors) <= len(errors) // 10


@pytest.mark.parametrize("case", [c for c in CASES if "error" in c and "unmodelled" not in c
                                  and "sample_weight" not in c][:40], ids=lambda c: c["id"])
def test_unknown_shapes_prove_nothing(case: dict) -> None:
    loss, labels, output = _arguments(case)
    for unknown_labels in (ArraySpec(UNKNOWN, labels.dtype), ArraySpec(partial_shape(labels.shape[:1], ()), labels.dtype),
                           ArraySpec(labels.shape[:-1] + (UNKNOWN,), labels.dtype) if len(labels.shape) > 1 else None):
        if unknown_labels is not None:
            assert check_loss(loss, unknown_labels, output) is None, unknown_labels
    for unknown_output in (UNKNOWN, output[:-1] + (UNKNOWN,), partial_shape((None,), ())):
        assert check_loss(loss, labels, unknown_output) is None, unknown_output


@pytest.mark.parametrize("case", [c for c in CASES if "error" in c and "unmodelled" not in c
                                  and "sample_weight" not in c][:40], ids=lambda c: c["id"])
def test_labels_of_an_unknown_dtype_keep_an_error_every_number_type_raises(case: dict) -> None:
    """Labels read from data (a CSV column) have a dtype kerascheck does not know: the loss's error
    stands when Keras raises it whatever numbers they hold (labels that are not numbers fail
    before the loss); a known dtype that is not a number proves nothing."""
    loss, labels, output = _arguments(case)
    error = loss_error(loss, ArraySpec(labels.shape, UNKNOWN), output)
    assert error is not None and (error.error_type, error.message) == (case["error_type"], case["error"])
    assert check_loss(loss, ArraySpec(labels.shape, "str"), output) is None


def test_unknown_sample_count_keeps_the_error_with_an_unknown_batch() -> None:
    message = check_loss("categorical_crossentropy", ArraySpec((UNKNOWN,), "int64"), (None, 10))
    assert message is not None and "target.shape=(?,)" in message and "output.shape=(?, 10)" in message


def test_odd_losses_never_raise() -> None:
    labels = ArraySpec((6, 10), "float32")
    assert check_loss("mse", labels, (None, 10)) is None
    for loss in (None, 3, "no_such_loss", ("NoSuchClass", {}), ("Dice", {"axis": "x"}), ("Dice", {"axis": 7}),
                 LossSpec(function="no_such_function"), ["CategoricalCrossentropy", {"bogus": 1}], object()):
        assert check_loss(loss, labels, (None, 10)) is None
    assert check_loss("mse", ArraySpec((6, 10), "str"), (None, 5)) is None
    assert check_loss("mse", ArraySpec((), "float32"), (None, 5)) is None
    assert loss_spec(("CategoricalCrossentropy", {"from_logits": True})) == LossSpec(
        class_name="CategoricalCrossentropy", config=(("from_logits", True),))


def test_keras_warns_exactly_where_categorical_crossentropy_meets_one_unit() -> None:
    """KC416's premise, as recorded: Keras's only complaint about a categorical crossentropy on
    an output of one unit is a warning (it trains), and it warns about nothing else."""
    from kerascheck.engine.losses import resolve
    from kerascheck.engine.losses.base import squeeze_or_expand_to_same_rank

    for case in CASES:
        if "error" in case:
            continue
        _, labels, output = _arguments(case)
        labels_shape, output_shape = (6,) + labels.shape[1:], (6,) + output[1:]
        function = resolve(loss_spec(case["loss"]), labels_shape, output_shape)
        categorical = function is not None and function[0] in ("categorical_crossentropy", "categorical_focal_crossentropy")
        predictions = squeeze_or_expand_to_same_rank(labels_shape, output_shape)[1]
        assert ("warning" in case) == (categorical and predictions[-1] == 1), _describe(case)


def test_one_axis_that_cannot_broadcast_is_enough_whatever_the_batch() -> None:
    """Images given as the targets of a 4-unit regression: the last axes (3 and 4) never broadcast,
    so JAX raises whether the batch (unknown sample count) is 1, 222 or anything else; with a last
    axis of 4 it depends on the batch, and nothing is claimed."""
    message = check_loss("mse", ArraySpec((UNKNOWN, 222, 222, 3), "float32"), (None, 4), 10)
    assert message == "Incompatible shapes for broadcasting: shapes=[(?, 222, 222, 3), (?, 4)]"
    assert check_loss("mse", ArraySpec((UNKNOWN, 222, 222, 4), "float32"), (None, 4), 10) is None


def test_an_output_axis_left_to_the_data_decides_nothing_but_the_others_still_do() -> None:
    """A Dense over sequences of any length (output (None, None, 2)) trained with the sparse loss:
    one-hot targets (1, 1, 2) have one axis too many whatever the length (Keras 3.15.1 raised it
    on benchmarks/training_bugs/sparse_loss_one_hot_3d_targets.py); class ids (1, 1) train."""
    message = check_loss("sparse_categorical_crossentropy", ArraySpec((1, 1, 2), "int64"), (None, None, 2))
    assert message is not None and message.startswith("Arguments `target` and `output` must have the same shape up")
    assert check_loss("sparse_categorical_crossentropy", ArraySpec((1, 1), "int64"), (None, None, 2)) is None
    assert check_loss("mse", ArraySpec((1, 5, 2), "float32"), (None, None, 2)) is None  # the length may be 5


def test_class_ids_beyond_the_outputs_are_a_warning_of_the_sparse_crossentropy_only() -> None:
    """KC418: labels up to 9 for 5 units; Keras 3.15.1 trains on them (rule example recorded
    raising nothing). Labels within the units, another loss, a largest label not known: nothing."""
    from kerascheck.engine.losses import labels_beyond_outputs

    assert labels_beyond_outputs("sparse_categorical_crossentropy", 9, (None, 5)) is not None
    assert labels_beyond_outputs(("SparseCategoricalCrossentropy", {"from_logits": True}), 9, (None, 5)) is not None
    assert labels_beyond_outputs("sparse_categorical_crossentropy", 4, (None, 5)) is None
    assert labels_beyond_outputs("categorical_crossentropy", 9, (None, 5)) is None
    assert labels_beyond_outputs("mse", 9, (None, 5)) is None
    assert labels_beyond_outputs("sparse_categorical_crossentropy", UNKNOWN, (None, 5)) is None
    assert labels_beyond_outputs("sparse_categorical_crossentropy", 9, (None, UNKNOWN)) is None


WEIGHTED = [c for c in CASES if "sample_weight" in c]


def test_sample_weights_are_recorded_for_every_loss_with_errors_among_them() -> None:
    assert len({c["loss"] for c in WEIGHTED}) >= 19
    assert any("error" in c for c in WEIGHTED) and any("error" not in c for c in WEIGHTED)


@pytest.mark.parametrize("case", [c for c in WEIGHTED if "error" in c], ids=lambda c: c["id"])
def test_weights_of_unknown_shape_prove_nothing(case: dict) -> None:
    loss, labels, output = _arguments(case)
    weights = tuple(case["sample_weight"])
    unknown = [ArraySpec(UNKNOWN, "float32"), ArraySpec(partial_shape(weights[:1], ()), "float32"),
               ArraySpec((UNKNOWN, *weights[1:]), "float32")]  # (a sample count not known: perhaps not the labels')
    if len(weights) > 1:
        unknown.append(ArraySpec(weights[:-1] + (UNKNOWN,), "float32"))
    for spec in unknown:
        assert check_loss(loss, labels, output, sample_weight=spec) is None, spec
