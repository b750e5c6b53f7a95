"""Record ``keras.applications`` as knowledge that kerascheck ships and replays.

kerascheck never imports Keras.  To predict ``keras.applications.MobileNetV2(...)``
it replays the application's layer graph, recorded here from real Keras built
with ``weights=None``, through its own shape engine.  For every application this
script writes:

- ``kerascheck/knowledge/applications.py``: the public names (``keras.applications.X``,
  ``keras.applications.<module>.X``), needed to resolve names in every file;
- ``kerascheck/knowledge/applications.json.gz``, read only when a file calls an
  application: each function's signature, how its input shape and model name
  are derived (``family``, the default and minimum sizes it passes to
  ``imagenet_utils.obtain_input_shape``), the private layer classes the graphs
  use, and the layer graphs, built with
  ``weights=None`` (``"random"``) and, where that builds another graph, with
  ``weights="imagenet"`` (the download skipped).  The trunk
  (``include_top=False, pooling=None``) once, and each head (``top``,
  ``avg``, ``max``) as the steps that follow it.  A step is one layer (or
  ``keras.ops`` operation, or nested Sequential) in creation order: its class,
  the constructor arguments that differ from the defaults (from ``get_config``;
  initializers, regularizers and constraints left out, they change no shape or
  count), its name or ``null`` when Keras generated it (seen by wrapping
  ``Operation.__init__``), its call arguments (references to earlier steps'
  outputs, or constants), and how Keras's name counters moved since the
  previous step (counters that applications take with ``backend.get_uid``, or
  names of layers that never reach the graph), so a replay in the user's
  session consumes names exactly like real Keras does.  ``ZeroPadding2D``
  paddings computed by ``imagenet_utils.correct_pad`` from the input tensor are
  recorded as that call (``{"correct_pad": kernel_size}``), not as a number
  that holds for one input size only.  The head's ``Dense``/``Activation``
  arguments that come from ``classes`` and ``classifier_activation`` are
  recorded as references to those arguments.  Each graph is also built at
  other input sizes and with one input channel; ``sizes`` lists the sizes at
  which it is the same graph (``"any"`` when all are), ``channels`` the channel
  counts when one channel builds another graph, and the replay refuses others;
- ``tests/applications_cases.json``: for a few configurations of every
  application (trunk, each head, non-default input sizes, ``weights="imagenet"``
  whose download is skipped), what real Keras built: model name, input and
  output shapes, parameter counts, Keras's name counters after the build, and a
  digest of every layer's name, class, output shape and parameter count.
  ``tests/test_applications.py`` replays each through kerascheck.

Variables are created in a ``StatelessScope`` that is never left, so no weight
is ever initialised (shapes are all that is read); the applications are recorded
in two worker processes.

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_applications.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_applications.py --check  # compare
"""

from __future__ import annotations

import collections
import functools
import gzip
import hashlib
import inspect
import json
import os
import pprint
import sys
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

from recording import OPAQUE, REQUIRED, in_shard, literal, shard_of  # noqa: E402  (beside this file)

REPO_ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = REPO_ROOT / "kerascheck" / "knowledge" / "applications.py"
GRAPHS = REPO_ROOT / "kerascheck" / "knowledge" / "applications.json.gz"
CASES = REPO_ROOT / "tests" / "applications_cases.json"

# Placeholders the heads are recorded with, then written as references to the argument.
CLASSES_MARK = 7919
ACTIVATION_MARK = "softsign"
# Arguments the replay understands; every other argument must keep its default.
HANDLED = ("input_shape", "include_top", "weights", "input_tensor", "pooling", "classes",
           "classifier_activation", "name")
# Config keys that change no shape and no parameter count.
IGNORED_SUFFIXES = ("_initializer", "_regularizer", "_constraint")
IGNORED_KEYS = ("name", "trainable", "dtype")
# Worker processes (each builds whole applications).
WORKERS = 2
# Counters that name no layer (every KerasTensor takes a name from "keras_tensor").
UNTRACKED_COUNTERS = ("keras_tensor",)
# Which sizes MobileNet's family accepts as "default_size = rows".
FAMILIES = {
    "MobileNet": ("mobilenet", (128, 160, 192, 224)),
    "MobileNetV2": ("mobilenet_v2", (96, 128, 160, 192, 224)),
    "MobileNetV3Small": ("mobilenet_v3", ()),
    "MobileNetV3Large": ("mobilenet_v3", ()),
    "NASNetMobile": ("nasnet", ()),
    "NASNetLarge": ("nasnet", ()),
}


def _jsonable(value):
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return value


# --------------------------------------------------------------------------- recording one build


class _Recorder:
    """Wraps Keras's operation and node constructors, name counters and ``correct_pad`` during one build.

    ``events`` is the timeline: ``("create", op, explicit name?, counters before)`` when an
    operation is constructed, ``("call", op, node)`` when a call records a node.
    """

    def __init__(self):
        from keras.src.applications import imagenet_utils
        from keras.src.backend.common import global_state
        from keras.src.ops.node import Node
        from keras.src.ops.operation import Operation

        self.events = []
        self.pads = []  # (input tensor, kernel size, padding returned)
        recorder = self
        # A fresh name-counter table is the part of clear_session() that matters here
        # (clear_session itself would also leave the StatelessScope).
        self.counters = collections.defaultdict(int)
        global_state.set_global_attribute("object_name_uids", self.counters)

        original_init = Operation.__init__
        original_node = Node.__init__
        original_pad = imagenet_utils.correct_pad

        def init(op, name=None, *args, **kwargs):
            before = dict(recorder.counters)
            original_init(op, name, *args, **kwargs)
            recorder.events.append(("create", op, name is not None, before))

        def node_init(node, operation, *args, **kwargs):
            original_node(node, operation, *args, **kwargs)
            recorder.events.append(("call", operation, node))

        def correct_pad(inputs, kernel_size):
            result = original_pad(inputs, kernel_size)
            recorder.pads.append((inputs, kernel_size, result))
            return result

        self._restore = [
            (Operation, "__init__", original_init),
            (Node, "__init__", original_node),
            (imagenet_utils, "correct_pad", original_pad),
        ]
        Operation.__init__ = init
        Node.__init__ = node_init
        imagenet_utils.correct_pad = correct_pad

    def close(self):
        for owner, attr, value in self._restore:
            setattr(owner, attr, value)


def _skip_weight_download():
    """``weights="imagenet"`` builds the same graph; the download and loading are skipped."""
    from keras.src.models.model import Model
    from keras.src.utils import file_utils

    file_utils.get_file = lambda *a, **k: "skipped.weights.h5"
    Model.load_weights = lambda self, *a, **k: None
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("keras.src.applications.") and hasattr(module, "file_utils"):
            module.file_utils.get_file = file_utils.get_file


def build(function, **kwargs):
    """Build ``function(**kwargs)`` in a fresh Keras state; return the model and the recorder."""
    recorder = _Recorder()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = function(**kwargs)
    finally:
        recorder.close()
    return model, recorder


@functools.lru_cache(maxsize=None)
def _init_params(cls):
    """Names ``cls(...)`` accepts, its own and its Keras base classes' (``name``, ``dtype``…)."""
    names = {}
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or not klass.__module__.startswith("keras"):
            continue
        for p in inspect.signature(init).parameters.values():
            if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                names.setdefault(p.name, p.default)
    return names


def _config(op, pad_of):
    from keras.src.layers.layer import Layer

    if not isinstance(op, Layer):
        return {}
    params = _init_params(type(op))
    config = op.get_config()
    out = {}
    for key, value in config.items():
        if key in IGNORED_KEYS or key.endswith(IGNORED_SUFFIXES) or key not in params:
            continue
        default = params[key]
        if default is not inspect.Parameter.empty and literal(default) == literal(value) and literal(value) != OPAQUE:
            continue
        if key == "padding" and pad_of is not None:
            out[key] = {"correct_pad": pad_of}
            continue
        if literal(value) == OPAQUE:
            raise AssertionError(f"{op.name}: config {key}={value!r} is not a literal")
        out[key] = _jsonable(value)
    return out


def graph_steps(model, recorder):
    """The model's layers as replayable steps, in the order Keras created and called them.

    A step creates one layer (``kind``: input, layer, operation, sequential) and calls it
    (``inputs`` / ``operands``); a layer called later than it was created (ConvNeXt's
    downsampling Sequentials) gets its call as a separate step ``{"kind": "call", "step": i}``.
    """
    from keras.src.layers.core.input_layer import InputLayer
    from keras.src.layers.layer import Layer
    from keras.src.models.sequential import Sequential

    in_graph = {id(op) for op in model.operations}
    inner_layers = {}
    for op in model.operations:
        if isinstance(op, Sequential):
            inner_layers[id(op)] = [id(i) for i in op.layers]
    explicit_of = {id(e[1]): e[2] for e in recorder.events if e[0] == "create"}
    by_id = {id(e[1]): e[1] for e in recorder.events if e[0] == "create"}
    pads_by_input = {}
    for tensor, kernel, result in recorder.pads:
        pads_by_input.setdefault(id(tensor), (kernel, result))

    tensor_ref = {}
    step_of = {}
    steps = []
    previous = {}

    def ref(value):
        if hasattr(value, "_keras_history"):
            if id(value) not in tensor_ref:
                raise AssertionError(f"tensor {value} comes from outside the recorded graph")
            return tensor_ref[id(value)]
        if isinstance(value, (list, tuple)):
            return [ref(v) for v in value]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"const": value}
        raise AssertionError(f"cannot record call argument {value!r}")

    def moved(before):
        before = {k: v for k, v in before.items() if k not in UNTRACKED_COUNTERS}
        delta = {k: v - previous.get(k, 0) for k, v in before.items() if v != previous.get(k, 0)}
        previous.clear()
        previous.update(before)
        return dict(sorted(delta.items()))

    def call_fields(op, node):
        args, kwargs = node.arguments.args, node.arguments.kwargs
        if isinstance(op, Layer):
            if len(args) != 1 or {k for k, v in kwargs.items() if v is not None} - {"training", "mask"}:
                raise AssertionError(f"{op.name}: call {args} {kwargs} is not layer(inputs)")
            return {"inputs": ref(args[0])}
        if kwargs:
            raise AssertionError(f"{op.name}: operation keywords {kwargs}")
        return {"operands": ref(list(args))}

    def outputs_of(node, index):
        for i, tensor in enumerate(node.outputs):
            tensor_ref[id(tensor)] = [index, i]

    called = set()
    for position, event in enumerate(recorder.events):
        op = event[1]
        if id(op) not in in_graph:
            continue  # names it took show up in the next step's counters
        if event[0] == "create":
            _, op, explicit, before = event
            step = {"counters": moved(before), "class": type(op).__name__, "name": op.name if explicit else None}
            if isinstance(op, InputLayer):
                step["kind"] = "input"
                del step["class"]
                tensor_ref[id(op.output)] = [len(steps), 0]
                called.add(id(op))
            elif isinstance(op, Sequential):
                step["kind"] = "sequential"
                step["layers"] = [
                    {"class": type(by_id[i]).__name__, "name": by_id[i].name if explicit_of[i] else None,
                     "config": _config(by_id[i], None)}
                    for i in inner_layers[id(op)]
                ]
            elif isinstance(op, Layer):
                step["kind"] = "layer"
            else:
                step["kind"] = "operation"
            step_of[id(op)] = len(steps)
            steps.append(step)
            continue
        _, op, node = event
        if id(op) in called or not all(id(t) in tensor_ref for t in node.arguments.keras_tensors):
            continue
        called.add(id(op))
        index = step_of[id(op)]
        step = steps[index]
        if isinstance(op, Layer) and not isinstance(op, Sequential):
            pad_of = None
            args = node.arguments.args
            if type(op).__name__ == "ZeroPadding2D" and args and id(args[0]) in pads_by_input:
                kernel, result = pads_by_input[id(args[0])]
                if tuple(map(tuple, op.padding)) == tuple(map(tuple, result)):
                    pad_of = kernel
            step["config"] = _config(op, pad_of)
        if index == len(steps) - 1:
            step.update(call_fields(op, node))
        else:
            steps.append({"kind": "call", "step": index, **call_fields(op, node)})
        outputs_of(node, index)
    missing = [op.name for op in model.operations if id(op) not in called]
    if missing:
        raise AssertionError(f"not called inside the graph: {missing}")
    final = {"counters": moved(dict(recorder.counters))}
    return {"steps": steps, "final": final, "outputs": [ref(t) for t in model.outputs]}


def _mark(value):
    if value == CLASSES_MARK:
        return {"argument": "classes"}
    if value == ACTIVATION_MARK:
        return {"argument": "classifier_activation"}
    if isinstance(value, list):
        return [_mark(v) for v in value]
    return value


def _mark_head_arguments(steps):
    """Replace the placeholders the heads were built with by references to the arguments."""
    for step in steps:
        if "config" in step:
            step["config"] = {key: _mark(value) for key, value in step["config"].items()}
    return steps


def _copy_marks(steps, marked):
    """The imagenet head (built with classes=1000, softmax) takes the marks of the same head without weights."""
    if len(steps) != len(marked):
        raise AssertionError("the imagenet head differs from the head without weights")
    for step, other in zip(steps, marked):
        for key, value in other.get("config", {}).items():
            if value != step["config"].get(key):
                step["config"][key] = _unmark(value, step["config"].get(key))
    return steps


def _unmark(marked, value):
    if marked == {"argument": "classes"} and value == 1000:
        return marked
    if marked == {"argument": "classifier_activation"} and value == "softmax":
        return marked
    if isinstance(marked, list) and isinstance(value, list) and len(marked) == len(value):
        return [_unmark(m, v) for m, v in zip(marked, value)]
    raise AssertionError(f"the imagenet head differs from the head without weights: {marked} {value}")


# --------------------------------------------------------------------------- applications


def applications():
    import keras

    found = {}
    for attr in sorted(dir(keras.applications)):
        obj = getattr(keras.applications, attr)
        if attr[:1].isupper() and inspect.isfunction(obj):
            found[attr] = obj
    return found


def public_names():
    """Every public dotted name of an application function."""
    import keras

    names = {}
    for attr, obj in sorted(vars(keras.applications).items()):
        if attr[:1].isupper() and inspect.isfunction(obj):
            names[f"keras.applications.{attr}"] = attr
        elif inspect.ismodule(obj) and not attr.startswith("_"):
            for inner, fn in sorted(vars(obj).items()):
                if inner[:1].isupper() and inspect.isfunction(fn):
                    names[f"keras.applications.{attr}.{inner}"] = fn.__name__
    return names


def _params(function):
    out = []
    for p in inspect.signature(function).parameters.values():
        default = REQUIRED if p.default is p.empty else literal(p.default)
        kind = "keyword_only" if p.kind is p.KEYWORD_ONLY else "positional"
        out.append((p.name, default, kind))
    return tuple(out)


def _sizes(function):
    """default_size and min_size as the application passes them to ``obtain_input_shape``."""
    from keras.src.applications import imagenet_utils

    seen = {}
    original = imagenet_utils.obtain_input_shape

    def spy(input_shape, default_size, min_size, data_format, require_flatten, weights=None):
        seen.update(default_size=default_size, min_size=min_size)
        raise StopIteration

    imagenet_utils.obtain_input_shape = spy
    try:
        function(weights=None, include_top=False, input_shape=(257, 257, 3))
    except StopIteration:
        pass
    finally:
        imagenet_utils.obtain_input_shape = original
    return seen


def probe_sizes(spec):
    """Input sizes each graph is also built at, to learn whether it depends on the size."""
    low = max(spec.get("min_size") or 32, 32)
    return [None, 2 * low + 3]


def _abstract(graph):
    """A graph with the input size left out: equal for sizes that build the same layers."""
    return json.dumps(graph["steps"], sort_keys=True)


class Builds:
    """One application's builds, each made once: the graph recordings double as test cases."""

    def __init__(self, function):
        self.function = function
        self.done = {}

    def __call__(self, **kwargs):
        """``(model, recorder)``; raises ValueError where Keras does."""
        key = json.dumps(kwargs, sort_keys=True)
        if key not in self.done:
            try:
                self.done[key] = build(self.function, **kwargs)
            except ValueError as err:
                self.done[key] = err
        result = self.done[key]
        if isinstance(result, ValueError):
            raise result
        return result


def _trunk(weights, shape):
    return dict(include_top=False, weights=weights, input_shape=shape)


def _heads(weights, shape):
    top = dict(include_top=True, weights=weights, input_shape=shape, classes=CLASSES_MARK,
               classifier_activation=ACTIVATION_MARK)
    if weights == "imagenet":
        top.update(classes=1000, classifier_activation="softmax")
    return {
        "top": top,
        "avg": dict(_trunk(weights, shape), pooling="avg"),
        "max": dict(_trunk(weights, shape), pooling="max"),
    }


def _graphs(built, weights, shape):
    """The trunk and the heads, for one value of ``weights``."""
    trunk = graph_steps(*built(**_trunk(weights, shape)))
    graphs = {"trunk": trunk}
    for head, kwargs in _heads(weights, shape).items():
        graph = graph_steps(*built(**kwargs))
        prefix = 0
        while prefix < min(len(trunk["steps"]), len(graph["steps"])) and graph["steps"][prefix] == trunk["steps"][prefix]:
            prefix += 1
        graphs[head] = {"prefix": prefix, "steps": _mark_head_arguments(graph["steps"][prefix:]),
                        "final": graph["final"], "outputs": graph["outputs"]}
    return graphs


def _default_shape(spec):
    default = spec.get("default_size") or 224
    return (default, default, 3)


def record_application(name, built):
    family, mobilenet_sizes = FAMILIES.get(name, ("standard", ()))
    spec = {"family": family, "params": _params(built.function)}
    if family != "mobilenet_v3":
        spec.update(_sizes(built.function))
    if mobilenet_sizes:
        spec["mobilenet_sizes"] = mobilenet_sizes
    shape = _default_shape(spec)
    graphs = {"random": _graphs(built, None, shape)}
    # weights="imagenet" builds the same graph, except in some applications (EfficientNet's
    # extra Rescaling): then it is recorded too.
    if json.dumps(graph_steps(*built(**_trunk("imagenet", shape)))) != json.dumps(graphs["random"]["trunk"]):
        imagenet = _graphs(built, "imagenet", shape)
        _copy_marks(imagenet["top"]["steps"], graphs["random"]["top"]["steps"])
        graphs["imagenet"] = imagenet
    # Where the graph is the same at other input sizes and channel counts.
    reference = _abstract(graphs["random"]["trunk"])
    same = []
    for size in probe_sizes(spec):
        try:
            model, rec = built(**_trunk(None, (size, size, 3)))
        except ValueError:
            continue
        if _abstract(graph_steps(model, rec)) == reference:
            same.append(size)
        else:
            print(f"{name}: a different graph at input size {size}", file=sys.stderr)
    spec["sizes"] = "any" if len(same) == len(probe_sizes(spec)) else sorted({shape[0], *[s for s in same if s]})
    if _abstract(graph_steps(*built(**_trunk(None, shape[:2] + (1,))))) != reference:
        print(f"{name}: a different graph with one input channel", file=sys.stderr)
        spec["channels"] = [3]
    return spec, graphs


def cases_for(name, spec):
    """Configurations the replay test builds: every build made to record the graphs, and a few more."""
    shape = _default_shape(spec)
    configs = [_trunk(None, shape), *_heads(None, shape).values(), _trunk("imagenet", shape)]
    configs += [_trunk(None, (size, size, 3)) for size in probe_sizes(spec)]
    configs += [_trunk(None, shape[:2] + (1,)), dict(include_top=True, weights="imagenet")]
    if spec["family"].startswith("mobilenet"):
        size = spec.get("mobilenet_sizes", (96, 128))[1]
        odd = probe_sizes(spec)[-1]
        configs.append(_trunk("imagenet", (odd, odd, 3)))
        configs.append(_trunk(None, (size, size, 3)))
        configs.append(dict(_trunk("imagenet", (size, size, 3)), pooling="avg"))
    return configs


def record_one(name):
    """Everything recorded for one application (run in a worker process)."""
    built = Builds(applications()[name])
    spec, graphs = record_application(name, built)
    cases = []
    for kwargs in cases_for(name, spec):
        try:
            model, rec = built(**kwargs)
        except ValueError as err:
            cases.append({"kwargs": _jsonable(kwargs), "error": str(err)[:200]})
            continue
        cases.append({"kwargs": _jsonable(kwargs), **describe(model, rec)})
    steps = sum(len(g["steps"]) for variant in graphs.values() for g in variant.values())
    print(f"{name}: {steps} steps, {len(built.done)} builds", file=sys.stderr)
    return name, spec, graphs, cases


def _start_worker():
    import keras
    from keras.src.backend.common.stateless_scope import StatelessScope

    StatelessScope().__enter__()  # never left: variables are never initialised
    _skip_weight_download()
    keras.config.set_image_data_format("channels_last")


def describe(model, recorder):
    """What Keras built; the digest covers every layer's name, class, output shape and parameter count."""
    rows = []
    for op in model.operations:
        try:
            shape = op.output.shape if len(op._inbound_nodes) == 1 else None
        except (AttributeError, ValueError):
            shape = None
        rows.append(f"{op.name}|{type(op).__name__}|{shape}|{op.count_params() if hasattr(op, 'count_params') else 0}")
    digest = hashlib.sha1("\n".join(rows).encode()).hexdigest()[:16]
    trainable = sum(int(_count(w.shape)) for w in model.trainable_weights)
    non_trainable = sum(int(_count(w.shape)) for w in model.non_trainable_weights)
    return {
        "name": model.name,
        "input_shape": _jsonable(model.input.shape if not isinstance(model.input, list) else model.input[0].shape),
        "output_shape": _jsonable(model.output.shape),
        "total_params": trainable + non_trainable,
        "trainable_params": trainable,
        "non_trainable_params": non_trainable,
        "layers": len(model.operations),
        "digest": digest,
        "counters": {k: v for k, v in sorted(recorder.counters.items()) if k not in UNTRACKED_COUNTERS},
    }


def _count(shape):
    total = 1
    for d in shape:
        total *= d
    return total


def record(shard=(1, 1)):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import keras

    names = [name for index, name in enumerate(applications()) if in_shard(index, shard)]
    specs, graphs, cases = {}, {}, {}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context, initializer=_start_worker) as pool:
        for name, spec, graph, found in pool.map(record_one, names):
            specs[name], graphs[name], cases[name] = spec, graph, found
    knowledge = (
        '"""``keras.applications``: the public names, recorded from real Keras by\n'
        "tests/oracle/record_applications.py.  Signatures, input-shape rules and layer graphs\n"
        "are in applications.json.gz, read only when an application is used.\n\n"
        'Do not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        "# arguments the replay understands; any other must keep its default\n"
        f"HANDLED = {HANDLED!r}\n\n"
        "# public dotted name -> application function name\n"
        f"SYMBOLS = {pprint.pformat(public_names(), width=100)}\n"
    )
    specs = json.loads(json.dumps(specs))  # tuples as JSON lists, as they are read back
    graph_text = json.dumps(
        {"keras_version": keras.__version__, "applications": specs, "private_classes": private_classes(graphs),
         "graphs": graphs},
        sort_keys=True,
        separators=(",", ":"),
    )
    cases_text = json.dumps({"keras_version": keras.__version__, "cases": cases}, indent=1, sort_keys=True) + "\n"
    return knowledge, graph_text, cases_text


def check_shard(knowledge, graph_text, cases_text, shard):
    """``--check --shard K/N``: the applications of the shard, each against its stored record."""
    recorded, stored = json.loads(graph_text), json.loads(gzip.decompress(GRAPHS.read_bytes()).decode())
    recorded_cases, stored_cases = json.loads(cases_text)["cases"], json.loads(CASES.read_text())["cases"]
    differing = [name for name in recorded["applications"]
                 if recorded["applications"][name] != stored["applications"].get(name)
                 or recorded["graphs"][name] != stored["graphs"].get(name)
                 or recorded_cases[name] != stored_cases.get(name)]
    differing += [f"private class {cls}" for cls, entry in recorded["private_classes"].items()
                  if stored["private_classes"].get(cls) != entry]
    if KNOWLEDGE.read_text() != knowledge or recorded["keras_version"] != stored["keras_version"]:
        differing.append("the public names")
    for what in differing:
        print(f"applications: {what} differs from what Keras records now", file=sys.stderr)
    print(f"checked {len(recorded['applications'])} application(s) of shard {shard[0]}/{shard[1]}", file=sys.stderr)
    return 1 if differing else 0


def private_classes(graphs):
    """Layer classes of the graphs that ``keras.layers`` does not export."""
    import keras

    public = {getattr(keras.layers, a).__name__ for a in dir(keras.layers) if inspect.isclass(getattr(keras.layers, a))}
    public |= {"Sequential", "InputLayer"}
    used = set()

    def walk(steps):
        for step in steps:
            if step.get("kind") in ("layer", "sequential"):
                used.add(step["class"])
            for inner in step.get("layers", []):
                used.add(inner["class"])

    for graph in graphs.values():
        for variant in graph.values():
            for part in variant.values():
                walk(part["steps"])
    found = {}
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("keras.src.applications."):
            continue
        for attr, obj in vars(module).items():
            if inspect.isclass(obj) and attr in used and attr not in public:
                params = []
                for p in inspect.signature(obj.__init__).parameters.values():
                    if p.name == "self":
                        continue
                    if p.kind is p.VAR_KEYWORD:
                        params.append(("**" + p.name, OPAQUE, "var_keyword"))
                        continue
                    default = REQUIRED if p.default is p.empty else literal(p.default)
                    params.append((p.name, default, "positional"))
                params.extend([("name", None, "keyword_only"), ("trainable", True, "keyword_only"),
                               ("dtype", None, "keyword_only")])
                found[attr] = {"params": tuple(params)}
    return dict(sorted(found.items()))


def main(argv: list[str]) -> int:
    shard = shard_of(argv) if "--check" in argv else (1, 1)
    knowledge, graph_text, cases_text = record(shard)
    if shard != (1, 1):
        return check_shard(knowledge, graph_text, cases_text, shard)
    if "--check" in argv:
        ok = KNOWLEDGE.exists() and KNOWLEDGE.read_text() == knowledge
        ok = ok and GRAPHS.exists() and gzip.decompress(GRAPHS.read_bytes()).decode() == graph_text
        ok = ok and CASES.exists() and CASES.read_text() == cases_text
        if not ok:
            print("applications knowledge differs from what Keras records now", file=sys.stderr)
            return 1
        return 0
    KNOWLEDGE.write_text(knowledge)
    GRAPHS.write_bytes(gzip.compress(graph_text.encode(), compresslevel=9, mtime=0))
    CASES.write_text(cases_text)
    print(f"wrote {KNOWLEDGE}, {GRAPHS} ({GRAPHS.stat().st_size} bytes), {CASES}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
