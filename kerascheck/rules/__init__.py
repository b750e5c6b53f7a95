"""The rule catalogue: every diagnostic kerascheck reports has a code here.

Codes are stable: KC0xx files that cannot be analysed, KC1xx shape errors,
KC2xx invalid arguments, KC3xx Keras 2 API and model-level lint: KC301-KC302 and KC31x are
Keras 2 code under Keras 3 (migration; ``--select KC3`` selects them with the lint rules
KC303-KC305, ``--select KC301,KC302,KC31`` without), KC4xx training (compile, losses, data).
"""

from __future__ import annotations

from kerascheck.rules.base import Finding, Rule, marked_lines, render_doc
from kerascheck.rules.config import (
    DeprecatedArgument,
    InvalidArgument,
    Keras2ModelKeywords,
    ModelOverBudget,
    ParameterHog,
    SoftmaxOnOneUnit,
)
from kerascheck.rules.data import (
    DataUtilityError,
    ClassWeightMisused,
    DataCardinality,
    DataInputCount,
    DatasetArguments,
    DataShapeMismatch,
    ImageGeneratorRank,
    LabelsBeyondOutputs,
    LossTargetMismatch,
    MetricTargetMismatch,
    NonNumericData,
    PythonValuesAsData,
    SampleWeightShape,
    StatefulBatchSize,
    TargetStructure,
    ValidationSplitTooSmall,
)
from kerascheck.rules.files import FileTooComplex, InternalError, SyntaxErrorInFile, UnreadableFile
from kerascheck.rules.migration import (
    Keras2SavePath,
    NumpyIntegerArgument,
    PositionalKernelSize,
    PositionalWeightName,
    RemovedArgument,
    RemovedMethod,
    RemovedModule,
    RemovedName,
)
from kerascheck.rules.shape import (
    GraphDisconnected,
    IncompatibleInputDimension,
    MergeMismatch,
    NonPositiveDimension,
    RankMismatch,
    ReshapeMismatch,
    UndefinedDimension,
)
from kerascheck.rules.training import (
    CategoricalCrossentropyOnOneUnit,
    LossKeysNotOutputs,
    MetricsKeysNotOutputs,
    SoftmaxWithBinaryCrossentropy,
    UnexpectedCompileArgument,
    UnknownLoss,
    UnknownMetric,
    UnknownOptimizer,
)

ALL_RULES: tuple[type[Rule], ...] = (
    SyntaxErrorInFile,
    UnreadableFile,
    FileTooComplex,
    InternalError,
    RankMismatch,
    MergeMismatch,
    NonPositiveDimension,
    ReshapeMismatch,
    UndefinedDimension,
    GraphDisconnected,
    IncompatibleInputDimension,
    InvalidArgument,
    Keras2ModelKeywords,
    DeprecatedArgument,
    ParameterHog,
    SoftmaxOnOneUnit,
    ModelOverBudget,
    RemovedModule,
    RemovedName,
    RemovedArgument,
    RemovedMethod,
    PositionalWeightName,
    NumpyIntegerArgument,
    Keras2SavePath,
    PositionalKernelSize,
    UnknownLoss,
    UnknownMetric,
    UnknownOptimizer,
    UnexpectedCompileArgument,
    LossKeysNotOutputs,
    SoftmaxWithBinaryCrossentropy,
    CategoricalCrossentropyOnOneUnit,
    MetricsKeysNotOutputs,
    LabelsBeyondOutputs,
    DataShapeMismatch,
    DataCardinality,
    DataInputCount,
    DatasetArguments,
    TargetStructure,
    PythonValuesAsData,
    ValidationSplitTooSmall,
    ClassWeightMisused,
    ImageGeneratorRank,
    NonNumericData,
    LossTargetMismatch,
    SampleWeightShape,
    MetricTargetMismatch,
    DataUtilityError,
    StatefulBatchSize,
)
RULES_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
RULE_FOR_ENGINE_KIND: dict[str, type[Rule]] = {kind: rule for rule in ALL_RULES for kind in rule.engine_kinds}

__all__ = ["ALL_RULES", "RULES_BY_CODE", "RULE_FOR_ENGINE_KIND", "Finding", "Rule", "marked_lines", "render_doc"]
