"""Keras 2 code under Keras 3 (KC31x, KC302): every entry of the recorded catalogue is reported
where Keras 3 raises, with its message; nothing is reported for Keras 3 code, for code that
guards itself, or with ``--keras-version 2``.

``fixtures/migration/cases.json`` holds, for every entry of ``kerascheck/knowledge/migration.json.gz``,
the script it was tried with and what Keras 3.15.1 did (tests/oracle/record_migration.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from conftest import FIXTURES, ROOT
from kerascheck.analysis import analyse_source
from kerascheck.config import Settings
from kerascheck.knowledge.migration import catalogue

CASES = json.loads((FIXTURES / "migration" / "cases.json").read_text())["cases"]
MIGRATION_CODES = ("KC302", "KC310", "KC311", "KC312", "KC313", "KC314", "KC315", "KC316", "KC317")
KERAS2 = replace(Settings(), keras_version=2)


def _expected_text(case: dict) -> list[str]:
    """Keras's message, as kerascheck may show it: whole, or with the value it was recorded with
    left out (a NumPy integer's value is not known from the syntax)."""
    message = case["keras3"]["error"]["message"]
    entry = case["entry"]
    texts = [message]
    for section in ("NUMPY_INTEGERS",):
        for key, value in getattr(catalogue(), section).items():
            if entry.startswith(key.split(".")[0] + "(" + key.split(".")[1]):
                index = message.rfind(value["sample"])
                texts.append(message[:index] + "…" + message[index + len(value["sample"]):])
    return texts


def _check(case: dict) -> str | None:
    """What is wrong with kerascheck's diagnostics for one recorded case, if anything."""
    result = analyse_source(case["source"], "case.py")
    error = case["keras3"]["error"]
    if error is None:  # an argument ignored with a warning (KC302 on the call), or a file Keras saves to,
        # or Keras 1's positional kernel sizes read as other parameters (KC317, a warning)
        codes = [(d.code, d.severity) for d in result.diagnostics]
        expected = [("KC302", "warning")] if case["entry"].endswith("=)") else []
        if "(filters, size" in case["entry"]:  # a Keras 1 name tells Keras 1 code (else: test below)
            expected = [("KC317", "warning")] if "Convolution" in case["entry"] else []
        return None if codes == expected else f"expected {expected}, got {result.diagnostics}"
    at_line = [d for d in result.diagnostics if d.span.line == error["line"]]
    if not any(any(text in d.message for text in _expected_text(case)) for d in at_line):
        return f"Keras raised {error} at line {error['line']}; kerascheck: {result.diagnostics}"
    if not all(d.code in MIGRATION_CODES + ("KC201", "KC413") for d in result.diagnostics):  # KC413: compile's
        return f"unexpected codes: {result.diagnostics}"
    return None


CHUNKS = [CASES[i : i + 100] for i in range(0, len(CASES), 100)]


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"cases-{i * 100}" for i in range(len(CHUNKS))])
def test_every_catalogue_case_is_reported_where_keras_3_fails(chunk: list[dict]) -> None:
    failures = [(case["entry"], problem) for case in chunk if (problem := _check(case)) is not None]
    assert not failures, failures[:5]


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"cases-{i * 100}" for i in range(len(CHUNKS))])
def test_keras_2_code_is_not_an_error_for_keras_2(chunk: list[dict]) -> None:
    for case in chunk:
        result = analyse_source(case["source"], "case.py", KERAS2)
        assert not [d for d in result.diagnostics if d.code in MIGRATION_CODES], case["entry"]


def test_every_catalogue_entry_has_its_recorded_case() -> None:
    known = catalogue()
    entries = {c["entry"] for c in CASES}
    assert set(known.MODULES) <= entries
    assert set(known.NAMES) <= entries
    assert set(known.BEHAVIOURS) <= entries
    assert {f"Model.{a}" for a in known.MODEL_ATTRIBUTES} <= entries
    assert {f"Layer.{a}" for a in known.LAYER_ATTRIBUTES} <= entries
    for callee, keywords in known.ARGUMENTS.items():
        assert {f"{callee}({k}=)" for k in keywords} <= entries
    for method, keywords in known.MODEL_ARGUMENTS.items():
        assert {f"Model.{method}({k}=)" for k in keywords} <= entries
    for key in known.NUMPY_INTEGERS:
        cls, param = key.split(".")
        assert f"{cls}({param}=np.int64)" in entries
    assert {f"{path}()" for path in known.CONSTRUCTORS} <= entries
    for name, entry in known.POSITIONAL_KERNELS.items():
        assert f"keras.layers.{name}(filters, {', '.join(['size'] * entry['dims'])})" in entries
    for call, suffixes in known.FILE_PATHS.items():
        assert {f"{call}({entry['sample']!r})" for entry in suffixes.values()} <= entries


def _codes(source: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    result = analyse_source(source, "m.py", settings or Settings())
    return sorted((d.span.line, d.code) for d in result.diagnostics)


def test_tf_keras_and_keras_are_told_apart() -> None:
    # tf.keras (Keras 3 through TensorFlow) keeps the Keras 2 backend functions; keras does not.
    assert _codes("from tensorflow.keras import backend as K\nK.sum\n") == []
    assert _codes("import tensorflow as tf\ntf.keras.backend.sum\n") == []
    assert _codes("from keras import backend as K\nK.sum\n") == [(2, "KC311")]
    assert _codes("import tensorflow as tf\ntf.keras.layers.experimental.preprocessing.Rescaling(1.0)\n") == [(2, "KC310")]
    assert _codes("from tensorflow.keras.preprocessing.image import ImageDataGenerator\n") == []
    assert _codes("from keras.preprocessing.image import ImageDataGenerator\n") == [(1, "KC311")]


def test_code_that_guards_itself_is_left_alone() -> None:
    guarded = (
        "try:\n    from keras.layers.merge import concatenate\nexcept ImportError:\n"
        "    from keras.layers import concatenate\n"
        "from keras import backend as K\n"
        "if hasattr(K, 'set_session'):\n    K.set_session(None)\n"
        "import keras\n"
        "if keras.__version__.startswith('2'):\n    from keras.layers.core import Dense\n"
        "try:\n    K.set_image_dim_ordering('th')\nexcept AttributeError:\n    pass\n"
    )
    assert _codes(guarded) == []


def test_names_the_file_binds_itself_are_not_keras() -> None:
    source = (
        "from keras import backend as K\n"
        "def f(K):\n    return K.sum(1)\n"  # a parameter named K
        "class Model:\n    def predict_classes(self, x):\n        return x\n"
        "Model().predict_classes(1)\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "LogisticRegression().predict_proba([[0]])\n"
    )
    assert _codes(source) == []


def test_what_the_file_sets_on_a_keras_module_is_its_own() -> None:
    """bert4keras patches ``keras.backend`` (``K.logsumexp = getattr(K, 'logsumexp', None) or
    tf.math.reduce_logsumexp``) and its functions use the names afterwards: setting a module's
    attribute raises nothing, and a name the file sets is defined when its code runs."""
    source = (
        "import tensorflow as tf\n"
        "import keras.backend as K\n"
        "def lse(x):\n    return K.logsumexp(x)\n"
        "K.logsumexp = getattr(K, 'logsumexp', None) or tf.math.reduce_logsumexp\n"
        "K.reshape = tf.reshape\n"
        "y = K.reshape(tf.zeros((2, 2)), (4,))\n"
        "z = K.int_shape(y)\n"  # not set by the file: Keras 3's keras.backend has no int_shape
    )
    assert _codes(source) == [(8, "KC311")]
    # Setting an attribute of a module Keras 3 does not have still imports that module.
    assert _codes("import keras\nkeras.layers.core.Dense = 1\n") == [(2, "KC310")]


def test_model_methods_are_checked_on_keras_models_only() -> None:
    source = (
        "import keras\n"
        "class Net(keras.Model):\n"
        "    def __init__(self):\n        super().__init__()\n        self.dense = keras.layers.Dense(2)\n"
        "    def call(self, x):\n        return self.dense(x)\n"
        "    def predict_classes(self, x):\n        return self.predict(x).argmax(-1)\n"
        "net = Net()\n"
        "net.predict_classes(keras.ops.zeros((1, 1)))\n"
        "seq = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
        "seq.predict_proba([[0.0, 0.0, 0.0]])\n"
    )
    assert _codes(source) == [(13, "KC313")]
    # Given a Python list, the user's method hands it to Keras 3's predict, which refuses it.
    assert _codes(source.replace("keras.ops.zeros((1, 1))", "[[0.0]]")) == [(9, "KC407"), (13, "KC313")]


def test_sequential_input_and_output_need_a_call_in_keras_3() -> None:
    source = (
        "import keras\n"
        "seq = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
        "head = keras.Model(seq.input, seq.output)\n"
        "called = keras.Sequential([keras.layers.Dense(2)])\n"
        "out = called(keras.Input((3,)))\n"
        "ok = keras.Model(called.input, called.output)\n"
        "plural = keras.Model(seq.inputs, seq.outputs)\n"
    )
    assert _codes(source) == [(3, "KC313"), (3, "KC313")]


def test_a_layer_given_to_model_instead_of_a_tensor() -> None:
    result = analyse_source("import keras\ninputs = keras.Input((3,))\nmodel = keras.Model(inputs, keras.layers.Dense(1))\n",
                            "m.py")
    [diagnostic] = result.diagnostics
    assert (diagnostic.span.line, diagnostic.code) == (3, "KC201")
    assert "All `outputs` values must be KerasTensors. Received: outputs=<Dense name=dense, built=False>" in (
        diagnostic.message
    )


def test_fixes_keep_the_names_the_file_binds() -> None:
    from kerascheck.fixes import fix_source

    source = (
        "from keras.optimizers import adam\n"
        "from keras.layers.convolutional import Conv2D as C\n"
        "import keras\n"
        "opt = keras.optimizers.adam(lr=0.1)\n"
        "layer = C(8, 3, border_mode='same', dim_ordering='th')\n"
    )
    outcome = fix_source(source, lambda text: analyse_source(text, "m.py"))
    assert outcome.source == (
        "from keras.optimizers import Adam as adam\n"
        "from keras.layers import Conv2D as C\n"
        "import keras\n"
        "opt = keras.optimizers.Adam(learning_rate=0.1)\n"
        "layer = C(8, 3, padding='same', data_format='channels_first')\n"
    )
    assert outcome.result.diagnostics == ()


def test_the_catalogue_is_read_only_when_a_file_uses_keras() -> None:
    code = (
        "import sys\nfrom kerascheck.analysis import analyse_source\n"
        "analyse_source('x = 1\\n', 'm.py')\n"
        "assert 'kerascheck.knowledge.migration' not in sys.modules\n"
        "from kerascheck.cli import main\n"
        "assert 'kerascheck.knowledge.migration' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_select_kc3_fix_migrates_a_keras_2_script(tmp_path, monkeypatch) -> None:
    # The README's command: the KC3 prefix selects the migration rules, --fix applies them all.
    import re
    import shutil

    from click.testing import CliRunner

    from kerascheck.cli import main

    fixes = FIXTURES / "fixes"
    shutil.copy(fixes / "keras2_mlp_script.py", tmp_path / "train.py")
    monkeypatch.chdir(tmp_path)
    listed = CliRunner().invoke(main, ["--no-cache", "--select", "KC3", "train.py"])
    codes = re.findall(r"^train\.py:\d+:\d+: (KC\d+)", listed.stdout, re.M)
    assert listed.exit_code == 1 and sorted(set(codes)) == ["KC310", "KC312", "KC313", "KC315"]
    assert CliRunner().invoke(main, ["--no-cache", "--select", "KC1", "train.py"]).exit_code == 0
    fixed = CliRunner().invoke(main, ["--no-cache", "--select", "KC3", "--fix", "train.py"])
    assert fixed.exit_code == 0, fixed.output
    assert f"Fixed {len(codes)} diagnostic(s) in 1 file(s)" in fixed.stderr
    after = re.sub(r"  # KC\d{3}$", "", (tmp_path / "train.py").read_text(), flags=re.M)
    assert after == (fixes / "keras2_mlp_script.after.py").read_text()


def test_keras_1_positional_kernel_sizes_in_keras_2_code() -> None:
    # Every layer standalone Keras 2 converted, in a file that has another Keras 2 error: KC317,
    # fixed to the kernel_size Keras 2 meant, which real Keras 3 builds (tests/oracle case below).
    from kerascheck.fixes import fix_source

    for name, entry in catalogue().POSITIONAL_KERNELS.items():
        sizes = ", ".join(["3"] * entry["dims"])
        source = f"import keras\nfrom keras.layers.core import Dense\nlayer = keras.layers.{name}(4, {sizes})\n"
        codes = _codes(source)
        assert codes == [(2, "KC310"), (3, "KC317")], (name, codes)
        [kernel] = [d for d in analyse_source(source, "m.py").diagnostics if d.code == "KC317"]
        assert kernel.severity == ("error" if "raises" in entry else "warning")
        assert f"which Keras 2 read as kernel_size=({sizes})" in kernel.message
        outcome = fix_source(source, lambda text: analyse_source(text, "m.py"))
        assert f"layer = keras.layers.{name}(4, ({sizes}))\n" in outcome.source
        assert [d.code for d in outcome.result.diagnostics] == []
        assert _codes(source, KERAS2) == ([(3, "KC201")] if "raises" in entry else [])  # tf.keras 2 never converted
    # Keras 3 code: strides given positionally, tf.keras, sizes Keras 2 did not gather.
    assert _codes("import keras\nkeras.layers.Conv2D(64, 3, 2)\n") == []
    assert _codes("from tensorflow.keras.layers import Convolution2D\nConvolution2D(64, 3, 2)\n") == []
    assert _codes("from keras.layers import Convolution2D\nConvolution2D(64, (3, 3), 2)\n") == []
    assert _codes("from keras.layers import Convolution2D\nConvolution2D(64, 3, 3, padding='same')\n") == []


def test_data_as_a_python_list_of_numbers_and_one_metric_as_a_string() -> None:
    source = (
        "import numpy as np\n"
        "from tensorflow.keras.models import Sequential\n"
        "from tensorflow.keras.layers import Dense\n"
        "x = np.array([1, 2, 3])\n"
        "model = Sequential([Dense(5, input_dim=1), Dense(1)])\n"
        "model.compile(loss='mse', optimizer='adam', metrics='mae')\n"
        "model.fit(x, x, epochs=1)\n"
        "a = model.predict([4])\n"
        "b = model.predict(x=[[10, -1.4]])\n"
        "c = model.predict(np.array([4]))\n"
        "d = model.predict([x, x])\n"
        "e = model.evaluate([1, 2], [1, 2])\n"
    )
    result = analyse_source(source, "m.py")
    assert sorted((d.span.line, d.code) for d in result.diagnostics) == [
        (6, "KC312"), (8, "KC312"), (9, "KC312"), (12, "KC312")]
    messages = {d.span.line: d.message for d in result.diagnostics}
    assert "metrics=mae of type <class 'str'>" in messages[6]
    assert "Unrecognized data type: x=[4] (of type <class 'list'>)" in messages[8]
    assert "Unrecognized data type: x=[[10, -1.4]] (of type <class 'list'>)" in messages[9]
    assert _codes(source, KERAS2) == []


def test_one_list_of_metrics_for_a_model_of_several_outputs() -> None:
    source = (
        "import numpy as np\nimport keras\n"
        "inputs = keras.Input((3,))\n"
        "m = keras.Model(inputs, [keras.layers.Dense(1, name='a')(inputs), keras.layers.Dense(1, name='b')(inputs),"
        " keras.layers.Dense(1, name='c')(inputs)])\n"
        "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\n"
        "x, ys = np.zeros((4, 3)), [np.zeros((4, 1))] * 3\n"
        "m.fit(x, ys, verbose=0)\n"
        "m.compile(optimizer='sgd', loss='mse', metrics=['mae', 'mse', 'mae'])\n"
        "m.fit(x, ys, verbose=0)\n"
        "one = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "one.compile(optimizer='sgd', loss='mse', metrics=['mae'])\n"
        "one.fit(x, ys[0], verbose=0)\n"
    )
    result = analyse_source(source, "m.py")
    assert [(d.span.line, d.code) for d in result.diagnostics] == [(7, "KC312")]
    assert ("tuple arity mismatch; expected: 3, got: 1; tuple: ('mae',).\nInvalid `metrics`. `metrics` should contain "
            "metrics objects and either be a dict or a list matching the output names of the functional model "
            "['a', 'b', 'c'] or match the output structure of the model: ['X', 'X', 'X'].\nReceived: metrics=['mae']"
            ) in result.diagnostics[0].message
    assert _codes(source, KERAS2) == []


def test_a_batch_of_unknown_size_may_broadcast() -> None:
    # benchmarks/migration.py: keras4 keras11_validation1_split trains under Keras 3 (batches of one
    # sample: labels (1,) against outputs (1, 4) broadcast); with the sample count unknown, a batch
    # may be 1 or 4 as well.
    source = (
        "import numpy as np\nfrom sklearn.model_selection import train_test_split\n"
        "from tensorflow.keras.models import Sequential\nfrom tensorflow.keras.layers import Dense\n"
        "x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])\n"
        "x_train, x_test, y_train, y_test = train_test_split(x, x, test_size=0.8)\n"
        "model = Sequential([Dense(5, input_dim=1), Dense(4)])\n"
        "model.compile(loss='mse', optimizer='adam')\n"
        "model.fit(x_train, y_train, epochs=1, batch_size=1)\n"
        "model.fit(x_train, y_train, epochs=1)\n"
    )
    assert _codes(source) == []
