"""Calls and binding: what calling a value does (user functions with their parameters bound,
builtins, methods, other libraries), and binding values to names and targets."""

from __future__ import annotations

from typing import Any, Sequence

import libcst as cst

from kerascheck.engine.applications import preprocess_input, preprocess_input_module
from kerascheck.engine.cloning import copy_functional, copy_sequential
from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import (
    ArrayData,
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueModel,
    Sequential,
    SubclassedModel,
    flatten,
)
from kerascheck.frontend.compile_calls import LOSS_BUILDING_METHODS
from kerascheck.frontend.effects import declared_outer_names
from kerascheck.frontend.flow import Break, Continue, ControlUncertain, Return
from kerascheck.frontend.keras_calls import (
    DATA_MODEL_METHODS,
    DATA_RESULT_MODEL_METHODS,
    DTYPE_POLICY_FACTORIES,
    INERT_KERAS_MODULES,
    INERT_MODEL_METHODS,
    TRAINING_MODEL_METHODS,
    get_layer,
)
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module
from kerascheck.frontend.name_effects import (
    MODEL_LOADERS,
    union,
)
from kerascheck.frontend.numeric_functions import NOT_EVALUATED, numeric_call
from kerascheck.frontend.random_values import converted, random_call
from kerascheck.frontend import numpy_data
from kerascheck.frontend.numpy_data import NOT_MODELLED, PREPROCESSING_ON_DATA
from kerascheck.knowledge import tensorflow_ops
from kerascheck.frontend.syntax import is_generator, reads_own_attribute
from kerascheck.frontend.values import (
    SeedGeneratorValue,
    ModelConfig,
    TensorShape,
    GeneratorValue,
    ATTRIBUTE_BUILTINS,
    BUILTINS,
    DYNAMIC_BUILTINS,
    EVALUATED_BUILTINS,
    INERT,
    MISSING,
    NO_DEFAULT,
    ArrayValue,
    BoundMethod,
    Builtin,
    DataclassField,
    DataMethod,
    InertObject,
    Partial,
    PropertyFunction,
    FileData,
    PythonNumber,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    call_builtin,
    call_py_method,
    MUTABLE_CONTAINERS,
    contents_unknown,
    fully_forgotten,
    forget_contents,
    permuted,
    is_plain,
    iteration_items,
    known_or_unknown,
)
from kerascheck.knowledge.libraries import (
    MUTATING_FUNCTION_NAMES,
    NUMPY_INTEGER_ATTRIBUTES,
    PERMUTING_FUNCTION_NAMES,
    is_inert_library,
)

MAX_CALL_DEPTH = 24

# Keras's functions of tensors, whose Python number arguments are scalar operands.
_SCALAR_OPERAND_MODULES = ("keras.ops.", "keras.activations.")

# Libraries whose functions may make arrays or datasets of a known shape (see numpy_data).
DATA_LIBRARIES = ("numpy.", "PIL.", "cv2.", "h5py.File", "pickle.load", "joblib.load", "tensorflow.", "keras.datasets.", "keras.utils.", "keras.preprocessing.",
                  "sklearn.model_selection.", "sklearn.datasets.", "sklearn.preprocessing.", "pandas.")
# What a subclassed model may define that changes what Keras's fit, evaluate and predict run.
_STEP_METHODS = ("train_step", "test_step", "predict_step", "compute_loss", "make_train_function",
                 "make_test_function", "make_predict_function")


# Libraries of pretrained Keras models: ``<Class>.from_preset(name)`` builds (and downloads) a
# model of a class whose name ends as these do (``BertBackbone``, ``GemmaCausalLM``,
# ``ResNetImageClassifier``); tokenizers, preprocessors and converters are layers, not models.
PRETRAINED_PACKAGES = ("keras_hub.", "keras_nlp.", "keras_cv.")
PRETRAINED_MODEL_CLASSES = ("Backbone", "Classifier", "CausalLM", "Seq2SeqLM", "MaskedLM", "Detector", "Segmenter",
                            "Task")


def is_pretrained_model(function: str) -> bool:
    """``keras_hub.models.Backbone.from_preset(...)`` and the like: a model kerascheck cannot see."""
    if not function.startswith(PRETRAINED_PACKAGES) or not function.endswith(".from_preset"):
        return False
    return function.rsplit(".", 2)[-2].endswith(PRETRAINED_MODEL_CLASSES)


def keras_data_method(cls: UserClass, name: str) -> bool:
    """``model.compile()`` / ``fit(x)``… of a subclassed model that runs Keras's own: the class
    does not define the method, and, for the methods given data, has a ``call()`` (Keras 3 builds
    the model by tracing it on the first batch of data, whatever steps the class defines)."""
    if name != "compile" and name not in DATA_MODEL_METHODS:
        return False
    return cls.method(name) is None and (name == "compile" or cls.method("call") is not None)


def custom_steps(cls: UserClass) -> bool:
    """The class defines a step of Keras's fit, evaluate or predict (``train_step``,
    ``compute_loss``…): what it does with the data and the compiled loss is its own."""
    return any(cls.method(step) is not None for step in _STEP_METHODS)


def steps_apply_optimizer(cls: UserClass) -> bool:
    """A step the class defines reads ``self.optimizer`` (to apply it: TensorFlow's fit builds
    the compiled optimizer there)."""
    found = [cls.method(step) for step in _STEP_METHODS]
    return any(f is not None and isinstance(f[0].node, cst.FunctionDef) and reads_own_attribute(f[0].node, "optimizer")
               for f in found)


class Calls:
    """Dispatches a call on the kind of value called."""

    def bind(self, name: cst.Name | str, value: Any, scope: Scope) -> None:
        key = name if isinstance(name, str) else name.value
        if scope.declared:
            scope = scope.binding_scope(key)  # (``global n`` in a function: the module's n)
        scope.names[key] = value
        if isinstance(value, Model) and self.current_file == self.main_file and not self.in_keras_method():
            self.name_model(value, key, scope.is_module)
            state = self.instances.get(id(value))
            if state is not None and scope.is_module:
                # Models a subclassed model holds are models too: ``autoencoder.encoder.summary()``
                # (a module-level name the program gives one later is its name).
                for attr, held in state.attributes.items():
                    if isinstance(held, Model):
                        self.name_model(held, f"{key}.{attr}", False)
        elif isinstance(value, UserInstance) and scope.is_module and self.current_file == self.main_file:
            # Models an object holds are reported where they live: ``gan.generator``.
            value.bound_as = key
            for attr, held in value.attributes.items():
                if isinstance(held, Model):
                    self.name_model(held, f"{key}.{attr}", True)

    def name_model(self, model: Model, variable: str, is_global: bool) -> None:
        """A model the file binds is reported, under the first name it gets (a module-level
        one over a function's local one)."""
        model.reported = True
        if model.variable is None or (is_global and not model.variable_is_global):
            model.variable = variable
            model.variable_is_global = is_global

    def assign(self, target: cst.BaseExpression, value: Any, scope: Scope) -> None:
        if isinstance(target, cst.Name):
            self.bind(target, value, scope)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            starred = [i for i, e in enumerate(elements) if isinstance(e, cst.StarredElement)]
            if isinstance(value, (tuple, list)) and not starred and not contents_unknown(value) and len(value) == len(elements):
                for element, item in zip(elements, value):
                    self.assign(element.value, item, scope)
            else:
                for element in elements:
                    self.assign(element.value, INERT if isinstance(value, InertObject) else UNKNOWN, scope)
        elif isinstance(target, cst.Attribute):
            self.set_attribute(self.eval(target.value, scope), target.attr.value, value)
        elif isinstance(target, cst.Subscript):
            container = self.eval(target.value, scope)
            if isinstance(container, ModuleRef) and container.name == "os.environ" and len(target.slice) == 1 and \
                    isinstance(target.slice[0].slice, cst.Index):
                key = self.eval(target.slice[0].slice.value, scope)
                if not isinstance(key, str) or key == "KERAS_BACKEND":
                    self.session.set_backend(value if isinstance(key, str) else UNKNOWN)
                return
            if isinstance(container, (list, dict)) and not contents_unknown(container):
                index = target.slice[0].slice if len(target.slice) == 1 else None
                key = self.eval(index.value, scope) if isinstance(index, cst.Index) else UNKNOWN
                if isinstance(container, list) and type(key) is int and -len(container) <= key < len(container):
                    container[key] = value
                elif isinstance(container, dict) and is_plain(key):
                    container[key] = value
                else:
                    self.forget(container)  # an entry kerascheck cannot tell changed
            elif isinstance(container, list) and not fully_forgotten(container):
                self.forget(container)  # a summarised list (ItemsLike): which item changed, not known

    def call_value(self, callee: Any, args: list[Any], kwargs: dict[str, Any], node: cst.Call, scope: Scope) -> Any:
        session = self.session
        if isinstance(callee, DataMethod):
            result = self.call_data_method(callee, args, kwargs, node)
            if result is not NOT_MODELLED:
                return result
        if isinstance(callee, BoundMethod) and isinstance(callee.receiver, Model) and (
            callee.name in DATA_MODEL_METHODS or callee.name == "compile"
        ) and not (isinstance(callee.receiver, OpaqueModel) and callee.receiver.library_class):
            # (A library's model, keras_hub's, preprocesses its data itself: not checked.)
            self.model_meets_data(callee.receiver, callee.name, args, kwargs, node)
        for value in (*args, *kwargs.values()):
            if isinstance(value, GeneratorValue):
                value.started = True  # a call given a generator may advance it (fit, next, list…)
        if isinstance(callee, ModuleRef) and session.tracing and callee.name.startswith("tensorflow."):
            # tf.reduce_sum(x, 1) in a layer's traced call(): keras.ops.sum's shape.
            plain = lambda v: tuple(v) if isinstance(v, TensorShape) else v  # noqa: E731  (to keras.ops: a shape)
            translated = tensorflow_ops.as_keras(callee.name[len("tensorflow."):], [plain(a) for a in args],
                                                 {k: plain(v) for k, v in kwargs.items()})
            if translated is not None and translated[0] == "keras.ops.shape":
                # (of a tensor of unknown rank: unknown, as a tuple's joining is not TensorFlow's)
                shape = self.call_ops("shape", translated[1], translated[2], node)
                return TensorShape(shape) if type(shape) is tuple else UNKNOWN
            if translated is not None:
                callee, args, kwargs = ModuleRef(translated[0]), translated[1], translated[2]
        if isinstance(callee, ModuleRef) and callee.name.startswith(DATA_LIBRARIES):
            result = self.call_data_library(callee.name, args, kwargs, node)
            if result is not NOT_MODELLED:
                return result
        if isinstance(callee, InertObject):
            # A method of data (``df.apply(f)``, ``ds.map(augment)``, ``rng.shuffle(items)``): what
            # a callback of it may create, it may have created; what it returns is data.
            effect = self.arguments_names(args, kwargs)
            if effect:
                self.names_uncertain_by(effect)
                self.taint(args, kwargs)
                return INERT
            self.forget_callback_receivers(args, kwargs)
            if isinstance(node.func, cst.Attribute):
                self.forget_mutable_arguments(node.func.attr.value, args)
                if node.func.attr.value == "reshape" and not kwargs:
                    # An array of unknown shape read from data, reshaped: the new shape, if it ran.
                    return numpy_data.reshape_data(args, node)
            return INERT
        if isinstance(callee, (Functional, Sequential)) and args:
            self.model_called_on_data(callee, args[0], node)  # (arrays: Keras checks them first)
        declaring = self.declaring_data(callee, args, kwargs) if isinstance(callee, KerasSymbol) else None
        if isinstance(callee, Layer) and args and isinstance(args[0], ArrayValue):
            array = args[0]
            args = [ArrayData(args[0].shape)] + [known_or_unknown(a) for a in args[1:]]
            kwargs = {k: known_or_unknown(v) for k, v in kwargs.items()}
            if callee.class_name in PREPROCESSING_ON_DATA and len(args) == 1 and not kwargs:
                self.call_layer(callee, args, kwargs, node)  # built on the data, as Keras builds it
                return self.preprocessed(callee, array, node)
        elif _enters_the_engine(callee, self.instances):
            if isinstance(callee, ModuleRef) and callee.name.startswith(_SCALAR_OPERAND_MODULES):
                # A Python float of unknown value (``keras.backend.epsilon()``) is a scalar operand
                # of an operation, not an unknown one; an int may be a size or an axis: unknown.
                args = [_scalar_operand(a) for a in args]
                kwargs = {k: _scalar_operand(v) for k, v in kwargs.items()}
            # What the engine sees: data and unknowns are UNKNOWN to it (but a SeedGenerator, a
            # seed to keras.random's draws; a model's config to from_config).
            random = isinstance(callee, ModuleRef) and callee.name.startswith("keras.random.")
            kept = (lambda v: isinstance(v, ModelConfig) or random and isinstance(v, SeedGeneratorValue))  # noqa: E731
            args = [a if kept(a) else known_or_unknown(a) for a in args]
            kwargs = {k: v if kept(v) else known_or_unknown(v) for k, v in kwargs.items()}
        if isinstance(callee, KerasSymbol):
            made = self.call_keras(callee, args, kwargs, node)
            if declaring is not None:
                layer = made.layer if isinstance(made, KerasTensor) else made
                if isinstance(layer, Layer):
                    self.declared_by_data[id(layer)] = declaring
            return made
        if isinstance(callee, Layer):
            return self.call_layer(callee, args, kwargs, node)
        if isinstance(callee, BoundMethod):
            return self.call_method(callee, args, kwargs, node)
        if isinstance(callee, Builtin):
            if callee.name == "super" and self.methods:
                cls, obj = self.methods[-1]
                return SuperProxy(cls, obj)
            if callee.name in DYNAMIC_BUILTINS:
                session.names_uncertain_from_opaque_code()
                self.taint(args, kwargs)
                return UNKNOWN
            if callee.name == "isinstance" and len(args) == 2 and not kwargs:
                return self.eval_isinstance(args[0], args[1])
            if callee.name in ATTRIBUTE_BUILTINS:
                return self.call_attribute_builtin(callee.name, args, kwargs)
            if callee.name == "callable" and len(args) == 1 and not kwargs:
                return _callable(args[0])
            if callee.name == "type" and len(args) == 1 and not kwargs:
                return _type_of(args[0])
            if callee.name == "len" and len(args) == 1 and not kwargs and isinstance(args[0], ArrayValue):
                count = args[0].shape[0] if args[0].shape else UNKNOWN
                return count if type(count) is int else INERT  # (len() of a 0-d array raises)
            if callee.name == "len" and len(args) == 1 and not kwargs and isinstance(args[0], FileData):
                return PythonNumber("int")  # an array's samples, how many not known
            if len(args) == 1 and not kwargs and isinstance(args[0], ArrayValue) and args[0].shape == ():
                number = converted(callee.name, args[0])  # float(random.random()), int(np.sum(y))
                if number is not None:
                    return number
            if callee.name not in EVALUATED_BUILTINS and callee.name != "print":
                effect = self.arguments_names(args, kwargs)
                if effect:  # map(make_block, …): not followed
                    self.names_uncertain_by(effect)
                    self.taint(args, kwargs)
                    return UNKNOWN
                self.forget_callback_receivers(args, kwargs)
                return INERT
            return call_builtin(callee.name, args, kwargs)
        if isinstance(callee, UserFunction):
            if callee.file != self.main_file:
                with self.anchored(node):
                    return self.call_function(callee, args, kwargs)
            return self.call_function(callee, args, kwargs)
        if isinstance(callee, UserClass):
            if callee.record and not callee.is_keras_layer:
                instance = callee.instantiate(args, kwargs, call=lambda f: self.call_value(f, [], {}, node, scope))
                return self.post_init(instance, node)
            if callee.is_keras_layer:
                return self.instantiate_layer(callee, args, kwargs, node)
            if callee.is_plain or callee.is_py_dataset:
                return self.instantiate_plain(callee, args, kwargs, node)
            if callee.inert_keras_base:
                # A callback, a schedule, a metric…: a plain object, which may take a name of its
                # class's prefix (Keras names metrics and optimizers as it names layers).
                self.session.names_uncertain_for([callee.node.name.value])
                return self.instantiate_plain(callee, args, kwargs, node)
            session.names_uncertain_from_opaque_code()
            self.taint(args, kwargs)
            return UNKNOWN
        if isinstance(callee, Partial):
            return self.call_value(callee.function, [*callee.args, *args], {**callee.keywords, **kwargs}, node, scope)
        if isinstance(callee, ModuleRef):
            if callee.name == "functools.partial":
                return Partial(args[0], tuple(args[1:]), dict(kwargs)) if args else UNKNOWN
            if callee.name == "functools.reduce" and not kwargs and 2 <= len(args) <= 3:
                return self.call_reduce(args, node, scope)
            if callee.name == "os.environ.setdefault" and len(args) == 2 and isinstance(args[0], str) and \
                    args[0] == "KERAS_BACKEND":
                # (The variable set outside the program wins: kerascheck takes it as not set.)
                self.session.set_backend(args[1])
            if callee.name == "dataclasses.field":
                return DataclassField(kwargs.get("default", NO_DEFAULT), kwargs.get("default_factory"))
            found = numeric_call(callee.name, args, kwargs)
            if found is not NOT_EVALUATED:
                return found
            if callee.name.startswith("random."):
                found = random_call(callee.name[7:], args, kwargs)
                if found is not NOT_MODELLED:
                    return found
            if is_inert_library(callee.name):
                effect = self.arguments_names(args, kwargs)
                if effect:
                    # A callback of the analysed code, which the library may call: its result is
                    # the library's, data.
                    self.names_uncertain_by(effect)
                    self.taint(args, kwargs)
                    return INERT
                self.forget_callback_receivers(args, kwargs)
                self.forget_mutable_arguments(callee.name, args)
                return INERT
            if callee.name.startswith("keras.ops."):
                return self.call_ops(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith("keras.activations.") and any(
                isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))
            ):
                return self.call_activation(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith(INERT_KERAS_MODULES) or callee.name in DTYPE_POLICY_FACTORIES:
                return self.call_keras_utility(callee.name, args, kwargs)
            if callee.name in MODEL_LOADERS:
                return self.load_model(callee.name, args, kwargs, node)
            if is_pretrained_model(callee.name):
                session.names_uncertain_from_opaque_code()  # the library builds its layers, with their names
                model = self.load_model(callee.name, args, kwargs, node)
                model.library_class = True  # its compile() is the library's own (a CausalLM's sampler=)
                return model
            application_module = preprocess_input_module(callee.name)
            if application_module is not None:
                return preprocess_input(session, application_module, args, kwargs, self.origin(node))
            if not is_keras_module(callee.name):
                session.names_uncertain_from_opaque_code()
                self.taint(args, kwargs)
            elif any(isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))):
                # Some other Keras function applied to tensors: it may create operations.
                session.names_uncertain_from_opaque_code()
            return UNKNOWN
        # An unknown callable: it may build layers (names become uncertain) or
        # change any model it is given.
        session.names_uncertain_from_opaque_code()
        self.taint(args, kwargs)
        return UNKNOWN

    def own_steps(self, model: Any) -> bool:
        """A subclassed model whose class defines a step of fit, evaluate or predict."""
        return isinstance(model, SubclassedModel) and id(model) in self.instances and custom_steps(
            self.instances[id(model)].cls)

    def call_method(self, method: BoundMethod, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        receiver, name = method.receiver, method.name
        session = self.session
        if isinstance(receiver, SuperProxy):
            return self.call_super(receiver, name, args, kwargs, node)
        if isinstance(receiver, UserInstance):
            return self.call_plain_method(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and id(receiver) in self.instances and not (
            isinstance(receiver, SubclassedModel) and keras_data_method(self.instances[id(receiver)].cls, name)
        ):
            return self.call_instance_method(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and receiver.rule is not None and name == "build":
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            session.build_layer(receiver, shape)
            return None
        if isinstance(receiver, Layer) and receiver.rule is not None and name == "compute_output_shape":
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            if receiver.class_name == "Lambda" and isinstance(shape, tuple):
                self.trace_lambda(receiver.rule, KerasTensor(shape))  # Keras traces its function
            return session.layer_output_shape(receiver, shape)
        if isinstance(receiver, list) and id(receiver) in self.tracked_lists:
            result = call_py_method(receiver, name, args, kwargs)
            if contents_unknown(receiver):
                self.layer_contents_unknown(self.tracked_lists[id(receiver)])
            else:
                self.track(self.tracked_lists[id(receiver)], receiver)
            return result
        if isinstance(receiver, Sequential) and name == "add" and args:
            session.sequential_add(receiver, args[0], self.origin(node))
            return None
        if isinstance(receiver, Sequential) and name == "pop":
            rebuild = kwargs.get("rebuild", args[0] if args else True)
            return session.sequential_pop(receiver, rebuild, self.origin(node), has_arguments=bool(args or kwargs))
        if isinstance(receiver, Sequential) and name == "build":
            shape = kwargs.get("input_shape", args[0] if args else None)
            if receiver.stack and not receiver.built and shape is not None:
                session.sequential_build(receiver, shape, self.origin(node))
            return None
        if isinstance(receiver, (Functional, Sequential)) and name == "get_layer":
            return get_layer(receiver, kwargs.get("name", args[0] if args else None), kwargs.get("index"))
        if isinstance(receiver, OpaqueModel) and receiver.library_class and name == "compile":
            receiver.compiled, receiver.compile_loss = True, UNKNOWN  # a library's compile: not checked
            receiver.compile_metrics = ()
            return UNKNOWN
        if isinstance(receiver, Model) and name == "compile":
            self.call_compile(receiver, args, kwargs, node)
            self.check_model_keywords(receiver, name, node, args)
            return UNKNOWN
        # A subclassed model with steps of its own (a train_step): what they do with the data and
        # the compiled loss is not followed (nor checked). JAX's and PyTorch's fit build the model
        # on the data first, and the compiled optimizer; TensorFlow's leaves both to the step.
        own_steps = self.own_steps(receiver)
        deferred = own_steps and not (isinstance(session.backend, str) and session.backend in ("jax", "torch"))
        if own_steps:
            receiver.compile_errors = ()
        # The compiled loss and metrics are resolved: their errors (Keras raises before training).
        raised = isinstance(receiver, Model) and name in LOSS_BUILDING_METHODS and self.model_trained(receiver)
        if isinstance(receiver, Model) and name in DATA_MODEL_METHODS:
            # fit(x), predict(x)…: an unbuilt model is built on the data, whose shape is unknown here.
            if name in TRAINING_MODEL_METHODS and not raised and not self.data_raised:
                # (unless Keras raised on the compiled loss or the data first)
                receiver.optimizer_built = not deferred or steps_apply_optimizer(self.instances[id(receiver)].cls)
            # (A subclassed model built by a bare build(shape), whose default builds nothing, is
            # still called on the data: its call builds the layers it holds.)
            unbuilt = not isinstance(receiver, Functional) and (
                not receiver.built or isinstance(receiver, SubclassedModel) and any(
                    not layer.built for layer in receiver.tracked))
            if unbuilt and deferred:
                if any(not layer.built for layer in receiver.tracked):
                    receiver.contents_uncertain = True  # built by the step, on what it gives the layers
            elif unbuilt:
                data = known_or_unknown(kwargs.get("x", args[0] if args else UNKNOWN))
                given = self.batch_given  # the array (or dataset element) the model is built on
                if given is not None:
                    # Keras 3 builds it on the first batch (its size, when known, shows in the summary).
                    data = ArrayData((self.first_batch, *given[1].shape[1:]) if given[1].shape[0] is UNKNOWN
                                     else given[1].shape)
                elif isinstance(data, ArrayData) and data.shape:
                    data = ArrayData((UNKNOWN,) + tuple(data.shape[1:]))  # built on a batch of it
                errors = len(session.errors)
                session.call(receiver, data, self.origin(node))
                if own_steps and len(session.errors) > errors:
                    # (Keras raises "Unable to automatically build the model", around what the
                    # class's call raised, which the program's own step may never meet: not claimed.)
                    del session.errors[errors:]
                    receiver.contents_uncertain = True
                if given is not None:
                    self.built_on_data(name, receiver, given, errors, node)
                self.after_build(receiver, errors, node)
                if len(session.errors) > errors and name in TRAINING_MODEL_METHODS:
                    receiver.optimizer_built = False  # Keras raised while building: no training
            if receiver.optimizer_built:
                receiver.build_optimizer()
            self.check_model_keywords(receiver, name, node, args)
            return INERT if name in DATA_RESULT_MODEL_METHODS else UNKNOWN
        if isinstance(receiver, Model) and name in INERT_MODEL_METHODS:
            self.check_model_keywords(receiver, name, node, args)
            if name == "get_config" and not args and not kwargs:
                return ModelConfig(receiver)
            return INERT if name in DATA_RESULT_MODEL_METHODS else UNKNOWN
        if isinstance(receiver, Layer) and name == "adapt" and hasattr(receiver.rule, "adapt"):
            receiver.rule.adapt()  # a vocabulary learnt from the data
        if isinstance(receiver, Layer) and name == "adapt" and not receiver.built:
            # A preprocessing layer adapted to data is built on the data's shape.
            data = known_or_unknown(kwargs.get("data", args[0] if args else UNKNOWN))
            if isinstance(data, ArrayData) and receiver.rule is not None:
                session.build_layer(receiver, data.shape)
            else:
                receiver.build_uncertain = True
            return None
        if isinstance(receiver, Layer):
            # pop(), a custom method, …: the model's structure is no longer known.
            if isinstance(receiver, Sequential):
                session.sequential_add(receiver, UNKNOWN, self.origin(node), rebuild=False)
            return UNKNOWN
        return call_py_method(receiver, name, args, kwargs)

    def eval_isinstance(self, value: Any, classes: Any) -> Any:
        """``isinstance(value, classes)`` where kerascheck knows the answer: plain values
        against builtin types, Keras's own layers and models against Keras classes (by
        their recorded base classes); UNKNOWN otherwise."""
        answers = [_isinstance(value, cls) for cls in (classes if isinstance(classes, tuple) else (classes,))]
        if any(answer is True for answer in answers):
            return True
        return False if answers and all(answer is False for answer in answers) else UNKNOWN

    def load_model(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """A model read from a file, a config or another model: reported with unknown rows;
        called, a layer of unknown output. Its layers take the names their configs hold, which
        moves no counter; custom classes (``custom_objects``, or Layer subclasses of the file,
        which may be registered) may not hold one, so the names generated afterwards are unknown.
        Rebuilding it moves the counters of what its layers make on the way (recorded from
        Keras 3.15.1: a Sequential makes a Functional each time a layer is added to it, as many
        as its layers and its nested Sequentials' layers; a deserialized layer may be a plain
        ``Layer``): those names are unknown from here, the others stay known.

        A copy of a Sequential of Keras's own layers (``clone_model(model)``,
        ``Sequential.from_config(model.get_config())``) is followed: see kerascheck.engine.cloning."""
        copy = self.copied_model(function, args, kwargs, node)
        if copy is not None:
            copy.reported = self.current_file == self.main_file and not self.in_keras_method()
            return copy
        self.session.names_uncertain_for(("Functional", "Layer"))
        if kwargs.get("custom_objects") is not None or any(
            isinstance(value, UserClass) and value.is_keras_layer for value in self.classes_defined()
        ):
            self.session.names_uncertain_from_opaque_code()
        if function.endswith("clone_model") and args and isinstance(args[0], Model) and args[0].name is not UNKNOWN:
            name: Any = args[0].name  # the clone keeps the model's name
        else:
            name = UNKNOWN
        model = OpaqueModel(self.session, name, self.origin(node))
        if function == "keras.models.Sequential.from_config" or (
            function.endswith("clone_model") and args and isinstance(args[0], Sequential)
        ):
            model.class_name = "Sequential"
        model.reported = self.current_file == self.main_file and not self.in_keras_method()
        return model

    def copied_model(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``clone_model(model)`` or ``<Model class>.from_config(model.get_config())`` (the config
        read right there: a config kept in a variable may have been changed since)."""
        if kwargs or len(args) != 1:
            return None
        if function == "keras.models.clone_model":
            copy = copy_sequential if isinstance(args[0], Sequential) else copy_functional
            return copy(self.session, args[0], self.origin(node), from_config=False)
        if not function.endswith(".from_config") or len(node.args) != 1:
            return None
        argument = node.args[0].value
        direct = isinstance(argument, cst.Call) and isinstance(argument.func, cst.Attribute) and \
            argument.func.attr.value == "get_config"
        if not direct or not isinstance(args[0], ModelConfig):
            return None
        model = args[0].model
        if function == "keras.models.Sequential.from_config":
            return copy_sequential(self.session, model, self.origin(node), from_config=True)
        if not isinstance(model, Sequential):  # Model.from_config of a Sequential's config raises
            return copy_functional(self.session, model, self.origin(node), from_config=True)
        return None

    def classes_defined(self) -> list[Any]:
        """The classes the analysed file's module defines."""
        module = self.main_scope
        return [value for value in module.names.values() if isinstance(value, UserClass)] if module else []

    def call_reduce(self, args: list[Any], node: cst.Call, scope: Scope) -> Any:
        """``functools.reduce(function, items[, initial])`` over items kerascheck knows (the
        "compose" idiom: ``reduce(lambda f, g: lambda x: g(f(x)), blocks)``)."""
        function, items = args[0], iteration_items(args[1])
        if items is None:
            self.names_uncertain_by(self.value_names(function))
            return UNKNOWN
        if len(args) == 3:
            items = [args[2], *items]
        if not items:
            return UNKNOWN  # Python raises a TypeError
        result = items[0]
        for item in items[1:]:
            self.step()
            result = self.call_value(function, [result, item], {}, node, scope)
        return result

    def call_attribute_builtin(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """``getattr(obj, "attr"[, default])``, ``hasattr``, ``setattr``, ``delattr``: as ``obj.attr``
        where the name is known; an attribute the object is known not to have gives the default."""
        if kwargs or len(args) < 2 or name == "getattr" and len(args) > 3:
            return UNKNOWN  # Python raises a TypeError
        obj, attr = args[0], args[1]
        if not isinstance(attr, str):
            if name in ("setattr", "delattr"):
                self.forget_object(obj)  # some attribute of it changed
            return UNKNOWN
        if name == "getattr":
            found = self.attribute_or_missing(obj, attr)
            if found is MISSING:
                return args[2] if len(args) == 3 else UNKNOWN  # else Python raises AttributeError
            return found
        if name == "hasattr":
            if type(obj) is int:
                in_int, in_numpy = hasattr(obj, attr), attr in NUMPY_INTEGER_ATTRIBUTES
                return in_int if in_int == in_numpy else UNKNOWN
            found = self.attribute_or_missing(obj, attr)
            if isinstance(found, InertObject):
                return UNKNOWN  # (data's attributes kerascheck does not model, present or not)
            return False if found is MISSING else True if found is not UNKNOWN else UNKNOWN
        if name == "setattr" and len(args) == 3:
            self.set_attribute(obj, attr, args[2])
        elif name == "delattr" and isinstance(obj, UserInstance):
            obj.attributes.pop(attr, None)
        else:
            self.forget_object(obj)
        return None

    def attribute_or_missing(self, obj: Any, attr: str) -> Any:
        """``obj.attr``; MISSING where the object is known to have no such attribute (an
        instance or class of the analysed code), UNKNOWN where that is not known."""
        if isinstance(obj, UserInstance):
            if attr in obj.attributes or obj.cls.find(attr) is not MISSING:
                return self.get_attribute(obj, attr)
            return MISSING
        if isinstance(obj, UserClass):
            return MISSING if obj.find(attr) is MISSING else self.get_attribute(obj, attr)
        if obj is None:
            # None is None in the program too. (An int or a tuple here may stand for a NumPy
            # integer or a TensorShape, whose attributes Python's int and tuple lack.)
            return UNKNOWN if hasattr(None, attr) else MISSING
        return self.get_attribute(obj, attr)

    def set_attribute(self, receiver: Any, attr: str, value: Any) -> None:
        """``receiver.attr = value``."""
        if isinstance(receiver, Layer) and id(receiver) in self.instances and attr != "trainable":
            self.set_instance_attribute(receiver, attr, value)
        elif isinstance(receiver, Layer) and attr == "trainable":
            receiver.set_trainable(value if isinstance(value, bool) else UNKNOWN)
        elif receiver is UNKNOWN and attr == "trainable":
            self.session.trainable_uncertain()  # some layer's, perhaps
        elif isinstance(receiver, UserInstance):
            if isinstance(receiver.cls.find(attr), PropertyFunction):
                self.forget_object(receiver)  # a property's setter: not followed
            else:
                receiver.attributes[attr] = value
                if isinstance(value, Model) and receiver.bound_as is not None and self.current_file == self.main_file:
                    self.name_model(value, f"{receiver.bound_as}.{attr}", True)
        elif isinstance(receiver, UserClass):
            receiver.attributes[attr] = value

    def taint(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        """What code kerascheck does not follow was given: it may change it (a model's layers,
        a list's items, an object's attributes)."""
        for value in [*args, *kwargs.values()]:
            self.forget_object(value)

    def forget_object(self, value: Any, depth: int = 0) -> None:
        """``value`` may have been changed in place by code that is not followed."""
        if isinstance(value, Sequential):
            self.session.sequential_add(value, UNKNOWN, value.origin, rebuild=False)
        elif isinstance(value, SubclassedModel):
            value.contents_uncertain = True
        elif isinstance(value, MUTABLE_CONTAINERS) and not fully_forgotten(value):
            if depth < 8:
                for item in list(value.values() if isinstance(value, dict) else value):
                    self.forget_object(item, depth + 1)
            self.forget(value)
        elif isinstance(value, tuple) and depth < 8:
            for item in value:
                self.forget_object(item, depth + 1)
        elif isinstance(value, UserInstance):
            for name in value.attributes:
                value.attributes[name] = UNKNOWN
        elif isinstance(value, GeneratorValue):
            value.started = True
        elif isinstance(value, BoundMethod) and depth < 8:
            self.forget_object(value.receiver, depth + 1)  # (``df.apply(seen.update)``: it may be called)

    def forget_callback_receivers(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        """Code not followed was given methods of objects (``df.apply(seen.update)``,
        ``map(words.append, …)``): it may have called them, so those objects may have changed."""
        for value in (*args, *kwargs.values()):
            if isinstance(value, BoundMethod):
                self.forget_object(value)

    def forget(self, container: Any) -> None:
        """A list or dict that code kerascheck does not follow may have changed: its contents
        are unknown (to every alias of it), and so are the weights of a layer tracking it."""
        forget_contents(container)
        layer = self.tracked_lists.get(id(container))
        if layer is not None:
            self.layer_contents_unknown(layer)

    def forget_mutable_arguments(self, function: str | None, args: Sequence[Any]) -> None:
        """A library function or a method of data that reorders a list it is given
        (``random.shuffle(items)``, ``rng.shuffle(items)``: its items in an order not known, see
        :func:`permuted`) or changes it (``heapq.heappush``: its contents are not known)."""
        name = function.rsplit(".", 1)[-1] if function is not None else None
        if name in MUTATING_FUNCTION_NAMES:
            for value in args:
                if isinstance(value, list) and name in PERMUTING_FUNCTION_NAMES and id(value) not in self.tracked_lists:
                    permuted(value)
                elif isinstance(value, MUTABLE_CONTAINERS):
                    self.forget(value)

    def generator_function(self, node: cst.FunctionDef) -> bool:
        found = self.generators.get(id(node))
        if found is None:
            found = self.generators[id(node)] = is_generator(node)
        return found

    def call_function(self, function: UserFunction, args: list[Any], kwargs: dict[str, Any],
                      first_element: bool = False) -> Any:
        """``function(*args, **kwargs)``; ``first_element``: of a generator function, run its body
        to its first ``yield`` and return the value yielded (UNKNOWN where not known)."""
        self.called.add(id(function))
        if isinstance(function.node, cst.FunctionDef) and self.generator_function(function.node) and not first_element:
            # A generator (a data generator, often ``while True:``): its body runs as it is
            # iterated (by fit, next, a loop), which is not followed; whatever names that may
            # take are unknown from here, and what it was given it may change then.
            self.names_uncertain_by(union([self.function_names(function), self.arguments_names(args, kwargs)]))
            self.taint(args, kwargs)
            return GeneratorValue(function, tuple(args), dict(kwargs))
        if self.depth >= MAX_CALL_DEPTH:
            self.session.names_uncertain_from_opaque_code()
            return UNKNOWN
        scope = Scope({}, function.scope, declared=declared_outer_names(function.node))
        params = function.node.params
        positional = [*params.posonly_params, *params.params]
        args = list(args)
        for param in positional:
            pname = param.name.value
            if args:
                scope.names[pname] = args.pop(0)
            elif pname in kwargs:
                scope.names[pname] = kwargs.pop(pname)
            elif pname in function.defaults:
                scope.names[pname] = function.defaults[pname]
            else:
                scope.names[pname] = UNKNOWN
        if isinstance(params.star_arg, cst.Param):
            scope.names[params.star_arg.name.value] = tuple(args)
        for param in params.kwonly_params:
            pname = param.name.value
            scope.names[pname] = kwargs.pop(pname, function.defaults.get(pname, UNKNOWN))
        if params.star_kwarg is not None:
            scope.names[params.star_kwarg.name.value] = dict(kwargs)
        self.depth += 1
        saved_file = self.current_file
        self.current_file = function.file if function.file is not None else saved_file
        saved_yielding, self.yielding = self.yielding, first_element
        try:
            if isinstance(function.node, cst.Lambda):
                return self._eval(function.node.body, scope)
            self.exec_block(function.node.body.body, scope)  # type: ignore[attr-defined]
        except Return as ret:
            return ret.value
        except ControlUncertain:
            # It may have returned there, or gone on: the rest of its effects are unknown.
            self.havoc(function.node.body.body, scope, inside_loop=True)  # type: ignore[attr-defined]
            return UNKNOWN
        except (Break, Continue):
            return UNKNOWN
        finally:
            self.depth -= 1
            self.current_file = saved_file
            self.yielding = saved_yielding
        return UNKNOWN if first_element else None  # a generator that yields nothing: not followed


# The builtin types ``isinstance`` is evaluated against, for plain values.
_PLAIN_TYPES = {"int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple, "dict": dict}


def _callable(value: Any) -> Any:
    """``callable(value)`` where it is known."""
    if isinstance(value, (UserFunction, Partial, Builtin, BoundMethod, UserClass, Layer, KerasSymbol)):
        return True
    if is_plain(value) or isinstance(value, (list, tuple, dict, KerasTensor)):
        return False
    if isinstance(value, UserInstance):
        return value.cls.find("__call__") is not MISSING
    return UNKNOWN


def _type_of(value: Any) -> Any:
    """``type(value)`` of a plain value: the builtin class (``type(x) is list``)."""
    for name, python_type in _PLAIN_TYPES.items():
        if type(value) is python_type:
            return BUILTINS[name]
    if isinstance(value, UserInstance):
        return value.cls
    return UNKNOWN


def _isinstance(value: Any, cls: Any) -> Any:
    """One class of :meth:`Interpreter.eval_isinstance`: True, False or UNKNOWN."""
    if isinstance(cls, UserClass):
        if isinstance(value, UserInstance):
            return _subclass_of(value.cls, cls)
        if is_plain(value) or isinstance(value, (list, tuple, dict, KerasTensor)):
            return False
        return UNKNOWN
    if isinstance(cls, Builtin) and cls.name in _PLAIN_TYPES:
        if isinstance(value, (Layer, KerasTensor)):
            return False
        if is_plain(value) or isinstance(value, (list, tuple, dict)):
            return isinstance(value, _PLAIN_TYPES[cls.name])
        return UNKNOWN
    if isinstance(cls, KerasSymbol) and cls.is_class and isinstance(value, Layer):
        classes = value.keras_classes()
        return UNKNOWN if classes is None else cls.name in classes
    return UNKNOWN




def _scalar_operand(value: Any) -> Any:
    return ArrayData(()) if isinstance(value, PythonNumber) and value.type_name == "float" else value


def _enters_the_engine(callee: Any, instances: dict[int, Any]) -> bool:
    """A call whose arguments go to the shape engine: Keras's classes and functions, layers and
    models, and their methods (a user layer's own methods run as Python, and take any value)."""
    if isinstance(callee, (KerasSymbol, Layer)):
        return True
    if isinstance(callee, ModuleRef):
        return is_keras_module(callee.name)
    if isinstance(callee, BoundMethod):
        return isinstance(callee.receiver, Layer) and id(callee.receiver) not in instances
    return False


def _subclass_of(cls: UserClass, base: UserClass) -> Any:
    """Whether ``cls`` is ``base`` or derives from it (through the analysed code's classes)."""
    if cls is base:
        return True
    for parent in cls.bases:
        if isinstance(parent, UserClass) and _subclass_of(parent, base) is True:
            return True
    return False if all(isinstance(p, UserClass) or isinstance(p, Builtin) for p in cls.bases) else UNKNOWN
