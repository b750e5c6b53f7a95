"""Expressions: literals, names, operators, comprehensions, subscripts, attributes, and the
evaluation of a call's callee and arguments (what the call does is :mod:`calls`'s)."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

import libcst as cst

from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved
from kerascheck.engine.runtime import ArrayData, KerasTensor, Layer
from kerascheck.frontend.flow import Return
from kerascheck.frontend.keras_calls import TENSOR_OPERATORS, is_operand
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, resolve
from kerascheck.frontend.numeric_functions import CONSTANTS
from kerascheck.frontend import image_generators, image_libraries, pandas_data, sklearn_data, text_data
from kerascheck.frontend.numpy_data import NOT_MODELLED, data_attribute
from kerascheck.frontend.numpy_data import binary as data_binary
from kerascheck.frontend.numpy_data import comparison as numpy_comparison
from kerascheck.frontend.random_values import python_arithmetic
from kerascheck.frontend.syntax import plain_string
from kerascheck.frontend.values import (
    BINARY_OPERATORS,
    BUILTINS,
    INERT,
    MISSING,
    PY_METHODS,
    SET_OPERATORS,
    ArrayValue,
    BoundedRankArray,
    DataMethod,
    ImageGenerator,
    PythonNumber,
    RandomGenerator,
    FileData,
    ItemsArray,
    PilImage,
    ShapeOf,
    SklearnObject,
    TextTokenizer,
    TableIndexer,
    TableValue,
    BoundMethod,
    Builtin,
    DatasetValue,
    GeneratedItems,
    GeneratorValue,
    InertObject,
    LocalModule,
    PropertyFunction,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    WeightValue,
    binary,
    set_binary,
    set_of,
    concatenation,
    contents_unknown,
    is_plain,
    MAX_VALUE_COST,
    an_item,
    cost,
    is_data,
    items_like,
    join,
    number_type,
    summarised,
    iteration_items,
    known_or_unknown,
    text,
    truth,
    unary,
    items_array,
)
from kerascheck.knowledge.libraries import is_inert_library


class Expressions:
    """Evaluates an expression to an abstract value; an Unresolved decision is UNKNOWN."""

    def eval(self, node: cst.BaseExpression, scope: Scope) -> Any:
        """The value of ``node``; UNKNOWN where a decision on an unknown value stopped it.

        Such a decision stops only the innermost expression that made it: the other parts of
        the enclosing expression (the next items of a list of layers…) are still evaluated,
        with their side effects on Keras's name counters.
        """
        # One dictionary look-up by the node's exact class: libcst's classes are leaves, and an
        # isinstance chain through their ABC metaclass cost a fifth of the interpretation.
        evaluate = _EVALUATORS.get(type(node))
        if evaluate is None:
            return UNKNOWN
        try:
            return evaluate(self, node, scope)
        except Unresolved:
            return UNKNOWN

    _eval = eval

    def _eval_integer(self, node: cst.Integer, scope: Scope) -> Any:
        try:
            return int(node.value.replace("_", ""), 0)  # libcst's evaluated_value parses: slow
        except ValueError:
            return node.evaluated_value

    def _eval_float(self, node: cst.Float, scope: Scope) -> Any:
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return node.evaluated_value

    def _eval_unknown(self, node: cst.BaseExpression, scope: Scope) -> Any:
        return UNKNOWN

    def _eval_yield(self, node: cst.Yield, scope: Scope) -> Any:
        """``yield value``: in a generator run to its first element (``self.yielding``), that
        element, returned to the caller (``yield from``: not followed); else unknown."""
        if self.yielding:
            if isinstance(node.value, cst.From):
                raise Return(UNKNOWN)
            raise Return(self._eval(node.value, scope) if node.value is not None else None)
        return UNKNOWN

    def _eval_simple_string(self, node: cst.SimpleString, scope: Scope) -> Any:
        value = plain_string(node.value)
        if value is None:
            value = node.evaluated_value  # prefixes, escapes: Python's own rules
        return value if isinstance(value, str) else UNKNOWN

    def _eval_concatenated_string(self, node: cst.ConcatenatedString, scope: Scope) -> Any:
        left, right = self._eval(node.left, scope), self._eval(node.right, scope)
        return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN

    def _eval_name(self, node: cst.Name, scope: Scope) -> Any:
        return self.lookup(node.value, scope)

    def _eval_tuple(self, node: cst.Tuple, scope: Scope) -> Any:
        return tuple(self.eval_elements(node.elements, scope))

    def _eval_list(self, node: cst.List, scope: Scope) -> Any:
        return list(self.eval_elements(node.elements, scope))

    def _eval_set(self, node: cst.Set, scope: Scope) -> Any:
        return set_of(list(self.eval_elements(node.elements, scope)))

    def _eval_unary(self, node: cst.UnaryOperation, scope: Scope) -> Any:
        operand = self._eval(node.expression, scope)
        if isinstance(operand, KerasTensor):
            if isinstance(node.operator, cst.Minus):
                return self.session.operation("Negative", [operand], {}, self.origin(node), python_operator=True)
            return self.opaque_tensor_operation()
        if operand is UNKNOWN and not isinstance(node.operator, cst.Not):
            self.maybe_tensor_operation("Negative" if isinstance(node.operator, cst.Minus) else None)
        if isinstance(operand, TableValue) and isinstance(node.operator, (cst.BitInvert, cst.Minus)):
            return pandas_data.table_invert(operand)
        return unary(type(node.operator), operand)

    def _eval_binary(self, node: cst.BinaryOperation, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        right = self._eval(node.right, scope)
        return self.binary_operation(type(node.operator), left, right, node)

    def binary_operation(self, operator: type, left: Any, right: Any, node: Any) -> Any:
        """``left <operator> right`` (``x + y``, also ``x += y``): an operation on Keras tensors."""
        op_class = TENSOR_OPERATORS.get(operator)
        if isinstance(left, KerasTensor) or isinstance(right, KerasTensor):
            if op_class is None or not all(is_operand(v) for v in (left, right)):
                return self.opaque_tensor_operation(op_class)
            return self.session.operation(op_class, [left, right], {}, self.origin(node), python_operator=True)
        if isinstance(left, PythonNumber) or isinstance(right, PythonNumber):
            number = python_arithmetic(operator.__name__, left, right)
            if number is not None:
                return number
        if isinstance(left, ArrayValue) or isinstance(right, ArrayValue):
            result = data_binary(_DATA_OPERATORS.get(operator, "?"), left, right, node)
            if result is not NOT_MODELLED:
                return result
        elif (isinstance(left, FileData) and type(right) in (int, float) or isinstance(right, FileData) and
              type(left) in (int, float)) and operator in _ARITHMETIC:
            if isinstance(left, ItemsArray) or isinstance(right, ItemsArray):  # (on the view: the count kept)
                return items_array(data_binary(
                    _DATA_OPERATORS.get(operator, "?"), getattr(left, "view", left), getattr(right, "view", right), node))
            return FileData((left if isinstance(left, FileData) else right).origin)  # (x / 255.0: x's shape)
        elif (isinstance(left, TableValue) or isinstance(right, TableValue)) and operator in _TABLE_OPERATORS:
            result = pandas_data.table_binary(left, right, logical=operator in _LOGICAL_OPERATORS)
            if result is not NOT_MODELLED:
                return result
        if left is UNKNOWN or right is UNKNOWN:
            self.maybe_tensor_operation(op_class)
        if isinstance(left, ArrayData) or isinstance(right, ArrayData):
            # A backend tensor (what an eager Keras call returned): the backend's operation.
            if op_class is None or not all(is_operand(v) for v in (left, right)):
                return UNKNOWN
            return self.session.operation(op_class, [known_or_unknown(left), known_or_unknown(right)], {}, None)
        if isinstance(left, (set, frozenset)) and isinstance(right, (set, frozenset)) and operator in SET_OPERATORS:
            return set_binary(operator, left, right)
        return binary(BINARY_OPERATORS.get(operator), left, right)

    def maybe_tensor_operation(self, op_class: str | None) -> None:
        """A Python operator on a value that may be a Keras tensor (one kerascheck could not
        resolve): Keras may have created that operation, whose class's names are unknown from
        here (all names, for an operator kerascheck does not model)."""
        self.opaque_tensor_operation(op_class, created=False)

    def _eval_boolean(self, node: cst.BooleanOperation, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        true = truth(left)
        if true is None:
            self._eval(node.right, scope)
            return UNKNOWN
        if isinstance(node.operator, cst.And):
            return self._eval(node.right, scope) if true else left
        return left if true else self._eval(node.right, scope)

    def _eval_if_expression(self, node: cst.IfExp, scope: Scope) -> Any:
        test = truth(self._eval(node.test, scope))
        if test is None:
            return join([self._eval(node.body, scope), self._eval(node.orelse, scope)])  # one of them
        return self._eval(node.body if test else node.orelse, scope)

    def _eval_attribute(self, node: cst.Attribute, scope: Scope) -> Any:
        value = self._eval(node.value, scope)
        if isinstance(value, Layer) and self.check_keras2_attribute(value, node):
            return INERT  # a Keras 2 method Keras 3 lacks (keras2_checks): what it returned was data
        return self.get_attribute(value, node.attr.value)

    def _eval_comprehension(self, node: cst.ListComp | cst.GeneratorExp | cst.DictComp | cst.SetComp, scope: Scope) -> Any:
        result = self.eval_comprehension(node, scope)
        if result is not None:
            return result
        # Not modelled; a comprehension that builds layers makes names uncertain.
        self.names_uncertain_by(self.block_names(self.effects_of(node), scope))
        return UNKNOWN

    def _eval_lambda(self, node: cst.Lambda, scope: Scope) -> Any:
        # A function like any other; its body runs only when it is called.  (Keras's
        # Lambda layer traces it with backend tensors, which create no named operations.)
        return self.define_function(node, scope)

    def _eval_named_expression(self, node: cst.NamedExpr, scope: Scope) -> Any:
        value = self._eval(node.value, scope)
        self.assign(node.target, value, scope)
        return value

    def eval_comprehension(self, node: cst.ListComp | cst.GeneratorExp | cst.DictComp | cst.SetComp, scope: Scope) -> Any:
        """A comprehension over known iterables, item by item; None when one is unknown.

        Only the first iterable is checked before anything runs (Python evaluates it
        first too); an unknown inner iterable makes the whole result unknown.
        """
        iterable = self._eval(node.for_in.iter, scope)
        first = iteration_items(iterable)
        if first is None and isinstance(node, cst.ListComp) and node.for_in.asynchronous is None:
            return self.summarise_comprehension(node, iterable, scope)
        if first is None or node.for_in.asynchronous is not None:
            return None
        child = Scope({}, scope)
        results: list[Any] = []
        failed = False

        def run(clause: cst.CompFor, items: list[Any] | None) -> None:
            nonlocal failed
            if items is None:
                items = iteration_items(self._eval(clause.iter, child))
            if items is None or clause.asynchronous is not None:
                failed = True
                return
            for item in items:
                if failed:
                    return
                self.step()
                self.assign(clause.target, item, child)
                conditions = [truth(self._eval(c.test, child)) for c in clause.ifs]
                if any(c is None for c in conditions):
                    failed = True
                    return
                if not all(conditions):
                    continue
                if clause.inner_for_in is not None:
                    run(clause.inner_for_in, None)
                elif isinstance(node, cst.DictComp):
                    results.append((self._eval(node.key, child), self._eval(node.value, child)))
                else:
                    results.append(self._eval(node.elt, child))

        run(node.for_in, first)
        if failed:
            self.names_uncertain_by(self.block_names(self.effects_of(node), scope))
            return UNKNOWN
        if isinstance(node, cst.DictComp):
            if not all(isinstance(k, (str, int, float, bool, type(None))) for k, _ in results):
                return UNKNOWN
            return dict(results)
        if isinstance(node, cst.SetComp):
            return set_of(results)
        return GeneratedItems(results) if isinstance(node, cst.GeneratorExp) else results

    def summarise_comprehension(self, node: cst.ListComp, iterable: Any, scope: Scope) -> Any:
        """A list comprehension over items not known (``[float(r["y"]) for r in rows]`` of a file's
        rows): any number of items like the one its element gives for an item like theirs
        (:class:`ItemsLike`), where it changes nothing and builds nothing; None otherwise."""
        effects = self.effects_of(node)
        # (``effects.assigned``: what a ``:=`` in it binds outside it; an element that trains a model
        # would change it as if the list had an item)
        if effects.attribute_targets or effects.assigned or self.block_names(effects, scope) or \
                not self.only_checks_models(effects, scope):
            return None
        for call in effects.call_nodes:
            # What it gives a call is changed only by the file's own code or a method that changes
            # its receiver (``float(r["y"])``, ``cv2.imread(p)`` change nothing).
            if not isinstance(call.func, (cst.Name, cst.Attribute)):
                return None
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in _CHANGING_METHODS:
                return None
            callee = self.static_value(call.func, scope)
            if isinstance(callee, (UserFunction, UserClass, BoundMethod)) or callee is UNKNOWN:
                return None
        child = Scope({}, scope)
        session = self.session
        saved = session.speculative
        session.speculative = True
        try:
            clause: cst.CompFor | None = node.for_in
            source = iterable
            while clause is not None:
                if clause.asynchronous is not None:
                    return None
                items = iteration_items(source)
                if items is not None and not items:
                    return []  # an inner loop over nothing: no item at all
                self.assign(clause.target, join(items) if items is not None else an_item(source), child)
                clause = clause.inner_for_in
                if clause is not None:
                    source = self._eval(clause.iter, child)
            like = self._eval(node.elt, child)
        except Unresolved:
            return None
        finally:
            session.speculative = saved
        return summarised([like]) if is_data(like) or number_type(like) is not None else None

    def lookup(self, name: str, scope: Scope) -> Any:
        value = scope.lookup(name)
        if value is not MISSING:
            return value
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        if name in BUILTINS:
            return BUILTINS[name]
        return UNKNOWN

    def eval_elements(self, elements: Sequence[cst.BaseElement], scope: Scope) -> Iterator[Any]:
        """The items of a tuple or list display; every element is evaluated before an unknown
        starred one makes the whole unknown (Unresolved)."""
        values: list[Any] = []
        complete = True
        for element in elements:
            value = self._eval(element.value, scope)
            if isinstance(element, cst.StarredElement):
                if isinstance(value, (tuple, list)) and not contents_unknown(value):
                    values.extend(value)
                else:
                    complete = False
            else:
                values.append(value)
        if not complete:
            raise Unresolved("starred element")
        return iter(values)

    def eval_dict(self, node: cst.Dict, scope: Scope) -> Any:
        result: dict[Any, Any] = {}
        known = True
        for element in node.elements:
            if isinstance(element, cst.DictElement):
                key = self._eval(element.key, scope)
                value = self._eval(element.value, scope)
                if isinstance(key, (str, int, float, bool, type(None))):
                    result[key] = value
                else:
                    known = False
            else:
                value = self._eval(element.value, scope)
                if isinstance(value, dict):
                    result.update(value)
                else:
                    known = False
        return result if known else UNKNOWN

    def eval_fstring(self, node: cst.FormattedString, scope: Scope) -> Any:
        parts: list[str] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(part.value)
                continue
            value = self._eval(part.expression, scope)
            if part.conversion is not None or part.format_spec is not None:
                return UNKNOWN
            value = text(value)  # bounded, as every evaluated value (kerascheck.frontend.values)
            if value is UNKNOWN:
                return UNKNOWN
            parts.append(value)
        return concatenation(parts)

    def eval_comparison(self, node: cst.Comparison, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        for target in node.comparisons:
            right = self._eval(target.comparator, scope)
            op = type(target.operator)
            if op in (cst.Is, cst.IsNot):
                if not _identity_known(left, right):
                    return UNKNOWN
                if (left is right) != (op is cst.Is):
                    return False
                left = right
                continue
            if (isinstance(left, TableValue) or isinstance(right, TableValue)) and len(node.comparisons) == 1 and \
                    op in _COMPARISON_OPERATIONS:
                result = pandas_data.table_comparison(left, right)
                if result is not NOT_MODELLED:
                    return result
            if (isinstance(left, ArrayValue) or isinstance(right, ArrayValue)) and len(node.comparisons) == 1 and \
                    op in _COMPARISON_OPERATIONS:
                result = numpy_comparison(left, right, node)
                if result is not NOT_MODELLED:
                    return result
            tensor = isinstance(left, KerasTensor) or isinstance(right, KerasTensor)
            if op is cst.Equal and tensor and all(isinstance(v, KerasTensor) or is_plain(v) for v in (left, right)):
                # KerasTensor has no __eq__ (it is hashed by identity): ``x == y`` is ``x is y``.
                if left is not right:
                    return False
                left = right
                continue
            if not (is_plain(left) and is_plain(right)):
                op_class = _TENSOR_COMPARISONS.get(op)
                if op_class is not None and tensor and len(node.comparisons) == 1 and is_operand(left) \
                        and is_operand(right):
                    # ``x > 0`` on a tensor: keras.ops.greater's operation (a boolean tensor).
                    return self.session.operation(op_class, [left, right], {}, self.origin(node), python_operator=True)
                if op_class is not None and tensor:
                    self.opaque_tensor_operation(op_class)
                elif op_class is not None and (left is UNKNOWN or right is UNKNOWN):
                    self.maybe_tensor_operation(op_class)
                return UNKNOWN
            try:
                if op is cst.Equal:
                    ok = left == right
                elif op is cst.NotEqual:
                    ok = left != right
                elif op is cst.LessThan:
                    ok = left < right
                elif op is cst.LessThanEqual:
                    ok = left <= right
                elif op is cst.GreaterThan:
                    ok = left > right
                elif op is cst.GreaterThanEqual:
                    ok = left >= right
                elif op is cst.In:
                    ok = left in right
                elif op is cst.NotIn:
                    ok = left not in right
                else:
                    return UNKNOWN
            except TypeError:
                return UNKNOWN
            if ok is UNKNOWN:
                return UNKNOWN
            if not ok:
                return False
            left = right
        return True

    def eval_subscript(self, node: cst.Subscript, scope: Scope) -> Any:
        container = self._eval(node.value, scope)
        if isinstance(container, KerasTensor) and container.shape is UNKNOWN:
            # What a call kerascheck cannot model returned: perhaps a list of tensors, which
            # indexing picks from without an operation.
            return self.opaque_tensor_operation("GetItem", created=False)
        if isinstance(container, KerasTensor):
            key = self.subscript_key(node, scope)
            return self.session.operation("GetItem", [container], {"key": key}, self.origin(node), python_operator=True)
        if isinstance(container, (ArrayValue, BoundedRankArray)):
            return self.data_subscript(container, node, scope)
        if isinstance(container, TableValue):
            if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
                return INERT
            return pandas_data.table_subscript(container, self.eval(node.slice[0].slice.value, scope))
        if isinstance(container, TableIndexer):
            return self.indexer_subscript(container, node, scope)
        if isinstance(container, ItemsArray):
            view = container.view
            first = node.slice[0].slice
            if isinstance(first, cst.Index) and (isinstance(first.value, cst.Integer) or
                                                 _an_integer(self.static_value(first.value, scope))):
                # An item: there is one, so the view is the array.
                if len(node.slice) == 1:
                    return ArrayValue(view.shape[1:], view.dtype, view.origin)  # (``x[i]``, i a NumPy int too)
                return self.data_subscript(view, node, scope)
            return items_array(self.data_subscript(view, node, scope))  # (a slice of the items: any number)
        if isinstance(container, FileData):
            return FileData(container.origin)  # a part of what a file holds (``f["x"][:]`` of HDF5)
        if isinstance(container, InertObject) or isinstance(container, ModuleRef) and is_inert_library(container.name):
            return INERT  # an item of data is data (``os.environ["N"]``, ``x_train[:, 0]``)
        if container is UNKNOWN:
            self.maybe_tensor_operation("GetItem")
        if len(node.slice) != 1 or contents_unknown(container):
            return UNKNOWN
        element = node.slice[0].slice
        if isinstance(element, cst.Index):
            key = self._eval(element.value, scope)
            if isinstance(container, (tuple, list, str, PartialShape)) and isinstance(key, int) and not isinstance(key, bool):
                try:
                    return container[key]
                except IndexError:
                    return UNKNOWN
            if isinstance(container, dict) and is_plain(key):
                return container.get(key, UNKNOWN)
            if isinstance(container, dict) and container and key is not UNKNOWN and isinstance(key, InertObject):
                # A key read from data (``label2int[label]`` over an array of names): one of the
                # values (else Python's KeyError), what they share (:func:`join`): of numbers of one
                # type, a number; of arrays of one shape, such an array.
                if cost(container) <= MAX_VALUE_COST:
                    return join(list(container.values()))
            return UNKNOWN
        if isinstance(element, cst.Slice) and isinstance(container, (tuple, list, str, PartialShape)):
            bounds = [
                self._eval(part, scope) if part is not None else None
                for part in (element.lower, element.upper, element.step)
            ]
            if all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds):
                return container[slice(*bounds)]
        return UNKNOWN

    def subscript_key(self, node: cst.Subscript, scope: Scope) -> Any:
        """The key Python passes to ``__getitem__``: one element, or a tuple of them (``x[0,]`` too).

        Unknown if any part is: Keras then still creates one ``GetItem`` (a key it rejects
        would stop the program), of unknown shape.
        """
        parts: list[Any] = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                bounds = [self.eval(b, scope) if b is not None else None for b in (index.lower, index.upper, index.step)]
                if not all(is_plain(b) for b in bounds):
                    return UNKNOWN
                parts.append(slice(*bounds))
            elif isinstance(index.value, cst.Ellipsis):
                parts.append(Ellipsis)
            else:
                value = self.eval(index.value, scope)
                if not is_plain(value):
                    return UNKNOWN
                parts.append(value)
        if len(parts) == 1 and not isinstance(node.slice[0].comma, cst.Comma):
            return parts[0]
        return tuple(parts)

    def get_attribute(self, value: Any, attr: str) -> Any:
        if isinstance(value, ModuleRef):
            dotted = f"{value.name}.{attr}"
            return CONSTANTS[dotted] if dotted in CONSTANTS else resolve(dotted)
        if isinstance(value, KerasSymbol) and attr == "from_config" and value.name in ("Model", "Sequential", "Functional"):
            return ModuleRef(f"keras.models.{value.name}.from_config")  # a model of a config
        if isinstance(value, KerasTensor):
            if attr == "shape":
                return value.shape
            return UNKNOWN
        if isinstance(value, Layer) and id(value) in self.instances:
            state = self.instances[id(value)]
            if attr in state.attributes:
                return state.attributes[attr]
            if state.cls.method(attr) is not None or attr in ("add_weight", "build", "call"):
                return BoundMethod(value, attr)
            found = self.class_member(state.cls, attr, value)
            if found is not UNKNOWN:
                return found
        if isinstance(value, Layer):
            return self.layer_attribute(value, attr)
        if isinstance(value, (list, dict, str, set, frozenset)) and attr in PY_METHODS:
            return BoundMethod(value, attr)
        if isinstance(value, (ArrayValue, DatasetValue)):
            found = data_attribute(value, attr)
            return INERT if found is NOT_MODELLED else found
        if isinstance(value, TableValue):
            found = pandas_data.table_attribute(value, attr)
            return INERT if found is NOT_MODELLED else found
        if isinstance(value, SklearnObject):
            return sklearn_data.sklearn_attribute(value, attr)
        if isinstance(value, RandomGenerator):
            return DataMethod(value, attr)
        if isinstance(value, GeneratorValue):
            value.started = True  # gen.send, gen.__next__…: it may be advanced
            return INERT
        if isinstance(value, PilImage):
            return image_libraries.pil_attribute(value, attr)
        if isinstance(value, TextTokenizer):
            return text_data.tokenizer_attribute(value, attr)
        if isinstance(value, ImageGenerator):
            return image_generators.generator_attribute(value, attr)
        if isinstance(value, ArrayData) and attr == "shape":
            return value.shape
        if isinstance(value, WeightValue):
            return value.shape if attr == "shape" else INERT  # a variable's value, assign()…
        if isinstance(value, FileData) and attr == "shape":
            return ShapeOf(value)  # (whose shape it is: see DataFlow.data_declared_input)
        if isinstance(value, FileData) and attr in ("astype", "copy") or isinstance(value, ItemsArray) and attr == "reshape":
            return DataMethod(value, attr)
        if isinstance(value, InertObject):
            return INERT
        if isinstance(value, LocalModule):
            return self.module_attribute(value, attr)
        if isinstance(value, SuperProxy):
            return BoundMethod(value, attr)
        if isinstance(value, UserClass):
            return self.class_member(value, attr, None)
        if isinstance(value, UserInstance):
            if isinstance(value.cls.find(attr), PropertyFunction):
                return self.class_member(value.cls, attr, value)  # a property wins over the instance's own
            return value.attributes[attr] if attr in value.attributes else self.class_member(value.cls, attr, value)
        if value is None or isinstance(value, (tuple, int, float, str)):
            # Data (a tuple may stand for a TensorShape, an int for a NumPy integer): what its
            # attributes give, or calling them, builds no Keras object.
            return INERT
        return UNKNOWN

    def eval_call(self, node: cst.Call, scope: Scope) -> Any:
        self.callee_of = node  # the call whose callee is being read (keras2_checks attaches fixes to it)
        callee = self._eval(node.func, scope)
        args, kwargs, complete = self.eval_arguments(node.args, scope)
        if not complete and isinstance(callee, Builtin) and callee.name == "zip" and len(node.args) == 1:
            like = items_like(self.eval(node.args[0].value, scope))
            if type(like) in (list, tuple) and not contents_unknown(like):
                # ``zip(*pairs)`` of any number of pairs like one (see ItemsLike): per place, any
                # number of items like its (as lists, not zip's tuples); none of them with no pair.
                return [summarised([item]) for item in like]
        if not complete:
            # *args / **kwargs we cannot expand: the call's effect is unknown.
            self.taint(args, kwargs)
            if not isinstance(callee, (Builtin, BoundMethod)) or isinstance(callee, KerasSymbol):
                self.session.names_uncertain_from_opaque_code()
            return UNKNOWN
        return self.call_value(callee, args, kwargs, node, scope)

    def eval_arguments(self, arguments: Sequence[cst.Arg], scope: Scope) -> tuple[list[Any], dict[str, Any], bool]:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        complete = True
        for arg in arguments:
            value = self.eval(arg.value, scope)
            if arg.star == "*":
                if isinstance(value, (tuple, list)) and not contents_unknown(value):
                    args.extend(value)
                else:
                    complete = False
            elif arg.star == "**":
                if isinstance(value, dict) and all(isinstance(k, str) for k in value):
                    kwargs.update(value)
                else:
                    complete = False
            elif arg.keyword is not None:
                kwargs[arg.keyword.value] = value
            else:
                args.append(value)
        return args, kwargs, complete


def _identity_known(left: Any, right: Any) -> bool:
    """``left is right`` is decided by the values themselves: None, booleans, and the objects
    that stand for one object of the program each (a class, a function, a builtin)."""
    singletons = (Builtin, UserClass, UserFunction)
    return (
        left is None or right is None or isinstance(left, bool) or isinstance(right, bool)
        or isinstance(left, singletons) and isinstance(right, singletons)
    )


# Python operators on arrays (numpy_data.binary's names for them).
_DATA_OPERATORS: dict[type, str] = {
    cst.Add: "+", cst.Subtract: "-", cst.Multiply: "*", cst.Divide: "/", cst.FloorDivide: "//", cst.Modulo: "%",
    cst.Power: "**", cst.MatrixMultiply: "@",
}

# Arithmetic of an array and a number: an array of the array's shape.
_ARITHMETIC = frozenset({cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.Power})

# Operators that keep a pandas table's rank (``@`` of two Series is a number: not one of them).
_LOGICAL_OPERATORS = frozenset({cst.BitAnd, cst.BitOr, cst.BitXor})
_TABLE_OPERATORS = frozenset(_DATA_OPERATORS) - {cst.MatrixMultiply} | _LOGICAL_OPERATORS

# Comparisons that are operations on arrays and Keras tensors (``keras.ops.greater``…), but
# ``==``, which compares Keras tensors' identities (KerasTensor has no ``__eq__``).
_COMPARISON_OPERATIONS: dict[type, str] = {
    cst.Equal: "Equal", cst.NotEqual: "NotEqual", cst.LessThan: "Less", cst.LessThanEqual: "LessEqual",
    cst.GreaterThan: "Greater", cst.GreaterThanEqual: "GreaterEqual",
}
_TENSOR_COMPARISONS = {operator: op for operator, op in _COMPARISON_OPERATIONS.items() if operator is not cst.Equal}

_EVALUATORS: dict[type, Callable[[Expressions, Any, Scope], Any]] = {
    cst.Integer: Expressions._eval_integer,
    cst.Float: Expressions._eval_float,
    cst.Imaginary: Expressions._eval_unknown,
    cst.SimpleString: Expressions._eval_simple_string,
    cst.ConcatenatedString: Expressions._eval_concatenated_string,
    cst.FormattedString: Expressions.eval_fstring,
    cst.Name: Expressions._eval_name,
    cst.Tuple: Expressions._eval_tuple,
    cst.List: Expressions._eval_list,
    cst.Set: Expressions._eval_set,
    cst.Dict: Expressions.eval_dict,
    cst.UnaryOperation: Expressions._eval_unary,
    cst.BinaryOperation: Expressions._eval_binary,
    cst.BooleanOperation: Expressions._eval_boolean,
    cst.Comparison: Expressions.eval_comparison,
    cst.IfExp: Expressions._eval_if_expression,
    cst.Attribute: Expressions._eval_attribute,
    cst.Subscript: Expressions.eval_subscript,
    cst.Call: Expressions.eval_call,
    cst.ListComp: Expressions._eval_comprehension,
    cst.GeneratorExp: Expressions._eval_comprehension,
    cst.DictComp: Expressions._eval_comprehension,
    cst.SetComp: Expressions._eval_comprehension,
    cst.Lambda: Expressions._eval_lambda,
    cst.NamedExpr: Expressions._eval_named_expression,
    cst.Yield: Expressions._eval_yield,
}


# Methods that change their receiver or what they are given, by name (lists, dicts, sets, arrays,
# ``random.shuffle``).
_CHANGING_METHODS = frozenset({
    "append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update", "setdefault", "popitem",
    "add", "discard", "difference_update", "intersection_update", "symmetric_difference_update", "shuffle",
    "fill", "put", "resize", "itemset", "setflags", "partition", "write", "seek",
})


def _an_integer(value: Any) -> bool:
    """An int, known or not: a Python int, a NumPy integer (an array of no axis of an int type)."""
    if type(value) is int or isinstance(value, PythonNumber) and value.type_name == "int":
        return True
    return type(value) is ArrayValue and value.shape == () and isinstance(value.dtype, str) and \
        value.dtype.startswith(("int", "uint"))
