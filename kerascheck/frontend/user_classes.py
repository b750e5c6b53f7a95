"""User-defined layers and models: their ``__init__``, ``build`` and ``call`` run as Keras runs
them, ``super()``, ``add_weight`` and the layer tracking of attributes."""

from __future__ import annotations

from typing import Any, Iterator

import libcst as cst

from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.layer import RULES
from kerascheck.engine.runtime import (
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueLayer,
    SubclassedModel,
    UserLayer,
    to_snake_case,
)
from kerascheck.frontend.keras_calls import NON_BUILDING_MODEL_METHODS
from kerascheck.frontend.syntax import dotted_name
from kerascheck.frontend.values import (
    MISSING,
    BoundMethod,
    ClassMethod,
    InstanceState,
    Partial,
    PropertyFunction,
    StaticMethod,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    WeightValue,
    known_or_unknown,
)
from kerascheck.knowledge.output_from_call import OUTPUT_FROM_CALL


class UserClasses:
    """The analysed code's classes: Layer and Model subclasses, run as Keras runs them, and
    plain Python classes (configs, builders), whose instances are their attributes."""

    # ------------------------------------------------------------ plain Python classes
    def instantiate_plain(self, cls: UserClass, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """``Config(...)`` of a plain class: a new instance, its ``__init__`` run on it."""
        instance = UserInstance(cls, {})
        init = cls.method("__init__")
        if init is not None:
            self.run_method(init, instance, args, kwargs, node)
        elif args or kwargs:
            return UNKNOWN  # object() takes no arguments: Python raises
        return instance

    def post_init(self, instance: Any, node: Any) -> Any:
        """A dataclass's ``__post_init__``, run after its fields are set."""
        found = instance.cls.method("__post_init__") if isinstance(instance, UserInstance) else None
        if found is not None:
            self.run_method(found, instance, [], {}, node)
        return instance

    def class_member(self, cls: UserClass, attr: str, instance: Any) -> Any:
        """``cls.attr`` (``instance`` None) or ``instance.attr`` where the class defines it:
        a property is read by running its getter, a method is bound to the instance, a
        classmethod to the class; UNKNOWN where the class does not define it."""
        found = cls.find(attr)
        if isinstance(found, PropertyFunction):
            if instance is None:
                return UNKNOWN  # the property object itself
            return self.run_method((found.getter, cls), instance, [], {}, None)
        if isinstance(found, StaticMethod):
            return found.function
        if isinstance(found, ClassMethod):
            return Partial(found.function, (cls,), {})
        if isinstance(found, UserFunction):
            return found if instance is None else BoundMethod(instance, attr)
        return UNKNOWN if found is MISSING else found

    def call_plain_method(self, instance: UserInstance, name: str, args: list[Any], kwargs: dict[str, Any],
                          node: Any) -> Any:
        found = instance.cls.method(name)
        if found is None:
            return UNKNOWN
        return self.run_method(found, instance, args, kwargs, node)

    def in_keras_method(self) -> bool:
        """A method of a Keras layer or model class is running (what it builds is that
        layer's, not a model of the file's own)."""
        return any(cls.is_keras_layer for cls, _ in self.methods)

    def instantiate_layer(self, cls: UserClass, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``MyLayer(...)``: run its ``__init__`` (sub-layers take their names in order)."""
        base = behaves_as_builtin(cls, self.session.keras_version)
        if base is not None:
            # What the engine sees, as for the base's own constructor: data and unknowns are UNKNOWN.
            args, kwargs = [known_or_unknown(a) for a in args], {k: known_or_unknown(v) for k, v in kwargs.items()}
            layer = self.session.create_layer(base, args, kwargs, self.origin(node), as_class=cls.node.name.value)
            if isinstance(layer, Layer):
                layer.call_overridden = cls.method("call") is not None
            return layer
        if cls.is_keras_model:
            layer = self.session.subclassed_model(cls.node.name.value, self.origin(node))
            layer.reported = self.current_file == self.main_file and not self.in_keras_method()
        else:
            layer = self.session.unnamed_custom_layer(cls.node.name.value, self.origin(node))
        state = InstanceState(cls)
        self.instances[id(layer)] = state
        base = cls.keras_base
        if base is not None and base.name not in ("Layer", "Model"):
            # A subclass of a built-in layer (Conv2D…): the weights its Keras base creates are
            # not followed, so its count is unknown (never the 0 of a bare Layer).
            state.weights_known = False
        init = cls.method("__init__")
        if init is None and cls.is_keras_model and functional_init_arguments(args, kwargs):
            # keras.Model.__init__(inputs, outputs): the subclass is a Functional (MyModel(x, y)).
            self.functional_subclass_init(layer, args, kwargs)
        elif init is None:
            self.keras_layer_init(layer, kwargs)
        else:
            self.run_method(init, layer, args, kwargs, node)
        layer.call_hook = self.run_layer_call
        layer.weights_known = state.weights_known
        layer.defines_compute_mask = cls.method("compute_mask") is not None
        layer.mask_hook = self.run_layer_mask
        if state.functional is not None:
            return state.functional
        return layer

    def keras_layer_init(self, layer: Layer, kwargs: dict[str, Any]) -> None:
        """``keras.layers.Layer.__init__(**kwargs)``: the name, and ``trainable``."""
        if layer.name is UNKNOWN:
            explicit = kwargs.get("name")
            if explicit is not None and not isinstance(explicit, str):
                explicit = UNKNOWN  # not known (or not a name Keras accepts)
            layer.name = self.session.name_for(explicit, layer.class_name)
            # (a name given, even one not known, is not of the pattern Keras generates)
            layer.name_prefix = to_snake_case(layer.class_name) if explicit is None else None
        if "trainable" in kwargs:
            layer.trainable = kwargs["trainable"] if isinstance(kwargs["trainable"], bool) else UNKNOWN
        # Layer.__init__ turns these into the layer's input shape (the first of a Sequential).
        if kwargs.get("input_shape") is not None:
            layer.input_shape_arg = known_or_unknown(kwargs["input_shape"])
        elif kwargs.get("input_dim") is not None:
            layer.input_shape_arg = (known_or_unknown(kwargs["input_dim"]),)
        elif kwargs.get("batch_input_shape") is not None and self.session.keras_version == 2:
            layer.batch_input_shape_arg = known_or_unknown(kwargs["batch_input_shape"])

    def run_method(self, found: "tuple[UserFunction, UserClass]", obj: Any, args: list[Any],
                   kwargs: dict[str, Any], node: Any) -> Any:
        function, cls = found
        self.methods.append((cls, obj))
        try:
            if function.file != self.main_file:
                with self.anchored(node):
                    return self.call_function(function, [obj, *args], kwargs)
            return self.call_function(function, [obj, *args], kwargs)
        finally:
            self.methods.pop()

    def call_super(self, proxy: SuperProxy, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        base = proxy.cls.next_base()
        if isinstance(base, UserClass):
            found = base.method(name)
            if found is not None:
                return self.run_method(found, proxy.obj, args, kwargs, node)
            if name != "__init__":
                return UNKNOWN
        if name == "__init__" and isinstance(proxy.obj, SubclassedModel) and functional_init_arguments(args, kwargs):
            self.functional_subclass_init(proxy.obj, args, kwargs)
            return None
        if name == "__init__" and isinstance(proxy.obj, Layer):
            self.keras_layer_init(proxy.obj, kwargs)
            return None
        if name == "__init__" and isinstance(proxy.obj, UserInstance):
            return None  # object.__init__
        if name == "build" and isinstance(proxy.obj, Layer):
            return None
        if name == "compile" and isinstance(proxy.obj, Model):
            # A class's own compile() (a GAN's, given its optimizers) that runs Keras's: the model
            # is compiled (with Keras's default optimizer, RMSprop, when given none).
            self.model_meets_data(proxy.obj, name, args, kwargs, node)
            self.call_compile(proxy.obj, args, kwargs, node)
            return None
        return UNKNOWN

    def functional_subclass_init(self, instance: SubclassedModel, args: list[Any], kwargs: dict[str, Any]) -> None:
        """``Functional.__init__(self, inputs, outputs, name=None, **kwargs)`` on a Model subclass."""
        positional, kwargs = list(args), dict(kwargs)
        inputs = kwargs.pop("inputs") if "inputs" in kwargs else positional.pop(0)
        outputs = kwargs.pop("outputs") if "outputs" in kwargs else positional.pop(0)
        name = kwargs.pop("name") if "name" in kwargs else positional.pop(0) if positional else None
        trainable = kwargs.pop("trainable", True)
        state = self.instances[id(instance)]
        if positional or kwargs:
            # Other arguments (dtype, …) that kerascheck does not follow.
            instance.contents_uncertain = True
            return
        model = self.session.functional_subclass(instance, inputs, outputs, name)
        if isinstance(model, Functional):
            model.trainable = trainable if isinstance(trainable, bool) else UNKNOWN
            model.call_overridden = state.cls.method("call") is not None
            state.functional = model

    def set_instance_attribute(self, layer: Layer, attr: str, value: Any) -> None:
        state = self.instances[id(layer)]
        state.attributes[attr] = value
        assert isinstance(layer, UserLayer)
        if value is UNKNOWN:
            self.layer_contents_unknown(layer)  # it may have been a layer
        self.track(layer, value)

    def layer_contents_unknown(self, layer: Layer) -> None:
        """A user layer may track layers kerascheck does not know of: its weights are unknown
        (and a model's list of layers may have more rows)."""
        state = self.instances.get(id(layer))
        if state is not None:
            state.weights_known = False
        layer.weights_known = False
        if isinstance(layer, SubclassedModel):
            layer.tracked.append(OpaqueLayer(self.session, layer.origin))

    def track(self, layer: UserLayer, value: Any) -> None:
        """Keras's tracker: layers in ``value`` join ``layer``'s, in order; lists stay tracked."""
        for item in _layers_in(value):
            if all(item is not tracked for tracked in layer.tracked):
                layer.tracked.append(item)
        for container in _lists_in(value):
            self.tracked_lists[id(container)] = layer

    def call_instance_method(self, layer: Layer, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        state = self.instances[id(layer)]
        if name == "add_weight":
            return self.add_weight(layer, state, args, kwargs)
        found = state.cls.method(name)
        if name == "build":
            # ``build_wrapper``: the layer is built once, whatever build() did.
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            state.user_built = True
            layer.built = True
            result = None if found is None else self.run_method(found, layer, [shape], {}, node)
            layer.weights_known = state.weights_known
            return result
        if found is None:
            if isinstance(layer, SubclassedModel) and name not in NON_BUILDING_MODEL_METHODS:
                layer.contents_uncertain = True  # fit(), predict(), …: built on data not seen here
            return UNKNOWN
        return self.run_method(found, layer, args, kwargs, node)

    def add_weight(self, layer: Any, state: InstanceState, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """``self.add_weight(shape=..., trainable=..., name=...)`` (Keras 3 order: shape first)."""
        shape = kwargs.get("shape", args[0] if args else None)
        trainable = kwargs.get("trainable", True)
        if shape is None:
            shape = ()
        if isinstance(shape, int) and not isinstance(shape, bool):
            shape = (shape,)
        if not isinstance(shape, (tuple, list)) or not all(
            isinstance(d, int) and not isinstance(d, bool) for d in shape
        ) or not isinstance(trainable, bool):
            state.weights_known = False
            layer.weights_known = False
            return WeightValue(UNKNOWN)
        from kerascheck.engine.layer import Weight
        from kerascheck.engine.runtime import variable_dtype_bytes

        # Its dtype= (kerascheck knows the sizes of float dtypes), else float32 unless the
        # program changed the default (the layer's own policy is not followed).
        dtype = kwargs.get("dtype")
        if dtype is not None:
            size = variable_dtype_bytes(dtype)
        else:
            size = UNKNOWN if self.session.dtype_policy_changed else variable_dtype_bytes(None)
        weight = Weight(str(kwargs.get("name", "variable")), tuple(shape), trainable, size)
        layer.added_weights.append(weight)
        return WeightValue(tuple(shape))

    def run_layer_call(self, layer: Any, inputs: Any, args: Any = (), kwargs: Any = None) -> Any:
        """Keras's symbolic call of a user layer: ``build(input_shape)`` once, then
        ``call(inputs, *args, **kwargs)``."""
        state = self.instances.get(id(layer))
        if state is None:
            return UNKNOWN
        call = state.cls.method("call")
        if call is None:
            return UNKNOWN
        node = self.anchor if self.anchor is not None else layer.origin
        shape = [t.shape for t in inputs] if isinstance(inputs, list) else getattr(inputs, "shape", UNKNOWN)
        # Keras 3 gives a symbolic call the output its compute_output_shape() states, if the
        # class defines one (Layer.compute_output_spec): call() is not run.
        flat = inputs if isinstance(inputs, list) else [inputs]
        output_shape = state.cls.method("compute_output_shape") if (
            self.session.keras_version == 3 and flat and all(isinstance(t, KerasTensor) for t in flat)
        ) else None
        if not state.user_built:
            state.user_built = True
            build = state.cls.method("build")
            if build is not None:
                self.run_method(build, layer, [shape], {}, node)
            elif output_shape is not None and any(not tracked.built for tracked in layer.tracked):
                # Layer._maybe_build traces call() to build the sub-layers; what it raises
                # there is a warning.
                self.run_discarding_errors(call, layer, [inputs, *args], dict(kwargs or {}), node)
        if output_shape is not None:
            params = output_shape[0].node.params
            if len([*params.posonly_params, *params.params, *params.kwonly_params]) == 2:
                result = _symbolic_outputs(self.run_method(output_shape, layer, [shape], {}, node))
            else:
                result = UNKNOWN  # Keras passes each call argument's shape by name: not followed
        else:
            result = self.run_method(call, layer, [inputs, *args], dict(kwargs or {}), node)
        layer.weights_known = state.weights_known
        return result

    def run_layer_mask(self, layer: Any, inputs: Any) -> Any:
        """Keras's ``compute_mask(inputs, previous_mask)`` of a user layer after its symbolic
        call (no input mask): a KerasTensor, None, or UNKNOWN."""
        state = self.instances.get(id(layer))
        found = state.cls.method("compute_mask") if state is not None else None
        if found is None:
            return UNKNOWN
        node = self.anchor if self.anchor is not None else layer.origin
        try:
            mask = self.run_method(found, layer, [inputs, None], {}, node)
        except Unresolved:
            return UNKNOWN
        return mask if mask is None or isinstance(mask, KerasTensor) else UNKNOWN

    def run_discarding_errors(self, found: "tuple[UserFunction, UserClass]", obj: Any, args: list[Any],
                              kwargs: dict[str, Any], node: Any) -> None:
        """Run a method whose errors the program catches (the errors Keras would raise in it are
        not reported)."""
        errors = self.session.errors
        reported = len(errors)
        self.run_method(found, obj, args, kwargs, node)
        del errors[reported:]

    def first_call_parameter(self, layer: Layer) -> str | None:
        """The name of the first parameter of a user layer's ``call`` after ``self`` (Keras's
        ``call_spec.first_arg``, which may be passed by name: ``encoder(source=x)``)."""
        state = self.instances.get(id(layer))
        found = state.cls.method("call") if state is not None else None
        if found is None:
            return None
        params = found[0].node.params
        positional = [*params.posonly_params, *params.params]
        return positional[1].name.value if len(positional) > 1 else None


def _symbolic_outputs(output_shape: Any) -> Any:
    """The symbolic outputs Keras 3 makes of what a user's ``compute_output_shape`` returned:
    a list whose first item is a dimension is one shape; a tuple (or list) of shapes, several
    outputs. UNKNOWN where that is not a shape of known structure."""
    def is_dim(value: Any) -> bool:
        return value is None or value is UNKNOWN or isinstance(value, int) and not isinstance(value, bool)

    if isinstance(output_shape, list) and output_shape and is_dim(output_shape[0]):
        output_shape = tuple(output_shape)
    if isinstance(output_shape, tuple) and (not output_shape or is_dim(output_shape[0])):
        return KerasTensor(output_shape) if all(is_dim(d) for d in output_shape) else UNKNOWN
    if isinstance(output_shape, (list, tuple)) and output_shape:
        outputs = [_symbolic_outputs(item) for item in output_shape]
        if any(not isinstance(o, KerasTensor) for o in outputs):
            return UNKNOWN
        return outputs if isinstance(output_shape, list) else tuple(outputs)
    return UNKNOWN


def functional_init_arguments(args: list[Any], kwargs: dict[str, Any]) -> bool:
    """``keras.src.models.model.functional_init_arguments``: the arguments of a Functional."""
    return len(args) == 2 or len(args) == 1 and "outputs" in kwargs or "inputs" in kwargs and "outputs" in kwargs


def _contents(value: Any) -> Iterator[Any]:
    """``value`` and what its lists, tuples and dicts (values) hold, depth first, each container
    once: a structure that shares itself (``t = (t, t)`` forty times) is its distinct parts,
    not a trillion visits, and no nesting is deep enough to stop a walk that keeps its path
    in a list. What is found is the same: the callers keep the first of each."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, (list, tuple, dict)) and id(item) not in seen:
            seen.add(id(item))
            stack.extend(reversed(list(item.values() if isinstance(item, dict) else item)))


def _lists_in(value: Any) -> list[list[Any]]:
    """The lists inside an attribute value: appending a layer to them tracks it."""
    return [item for item in _contents(value) if isinstance(item, list)]


def _layers_in(value: Any) -> list[Layer]:
    """Layers Keras tracks when ``value`` is assigned to a layer attribute (lists, dicts too)."""
    return [item for item in _contents(value) if isinstance(item, Layer)]


# What a user's subclass of a built-in layer may define and still be its base with another name:
# Keras builds it with the base's build() and, on symbolic tensors, gives it the output of the
# base's compute_output_shape, whatever its own call() does (knowledge/output_from_call.py).
_BASE_BEHAVIOUR = ("__init__", "__new__", "__call__", "build", "compute_output_shape", "compute_output_spec",
                   "compute_mask", "add_weight", "_build_at_init")


def behaves_as_builtin(cls: UserClass, keras_version: int) -> str | None:
    """The built-in layer class a user's layer class behaves as (its constructor, weights and
    output shape those of that class), or None: it changes how it is constructed or built, its
    base's output is what call() returns and it overrides call() (or, in Keras 2, which traces
    call() for every layer, it overrides call() at all)."""
    base = cls.keras_base
    if base is None or base.name not in RULES or base.name in ("Layer", "Model", "Sequential", "Functional"):
        return None
    if not all(_registers(d.decorator) for d in cls.node.decorators) or any(
        cls.method(name) is not None for name in _BASE_BEHAVIOUR
    ):
        return None
    if cls.method("call") is not None and (keras_version == 2 or base.name in OUTPUT_FROM_CALL):
        return None
    return base.name


def _registers(decorator: cst.BaseExpression) -> bool:
    """``@keras.saving.register_keras_serializable(...)``: returns the class as it is."""
    if isinstance(decorator, cst.Call):
        decorator = decorator.func
    return dotted_name(decorator).rsplit(".", 1)[-1] == "register_keras_serializable"

