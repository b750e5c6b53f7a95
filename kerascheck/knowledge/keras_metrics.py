"""Every ``keras.metrics`` class that wraps a metric function (``MeanMetricWrapper``):
class name -> [function, the keyword arguments it passes by default, its constructor's
parameters] (``CLASSES``); the classes that count a confusion matrix at thresholds, with
their constructor's parameters (``CONFUSION``); the F-scores, likewise (``F_SCORES``); the
wrapped functions that bring the labels to the predictions' rank themselves
(``squeeze_or_expand_to_same_rank`` in their code: ``SQUEEZING``; the others take them as given).

Recorded by tests/oracle/metric_cases.py; do not edit by hand.
"""

# fmt: off
KERAS_VERSION = '3.15.1'

CLASSES = {'Accuracy': ['accuracy', {}, ['name', 'dtype']],
 'BinaryAccuracy': ['binary_accuracy', {'threshold': 0.5}, ['name', 'dtype', 'threshold']],
 'BinaryCrossentropy': ['binary_crossentropy',
                        {'from_logits': False, 'label_smoothing': 0},
                        ['name', 'dtype', 'from_logits', 'label_smoothing']],
 'CategoricalAccuracy': ['categorical_accuracy', {}, ['name', 'dtype']],
 'CategoricalCrossentropy': ['categorical_crossentropy',
                             {'axis': -1, 'from_logits': False, 'label_smoothing': 0},
                             ['name', 'dtype', 'from_logits', 'label_smoothing', 'axis']],
 'CategoricalHinge': ['categorical_hinge', {}, ['name', 'dtype']],
 'ConcordanceCorrelation': ['concordance_correlation', {'axis': -1}, ['name', 'dtype', 'axis']],
 'CosineSimilarity': ['cosine_similarity', {'axis': -1}, ['name', 'dtype', 'axis']],
 'Hinge': ['hinge', {}, ['name', 'dtype']],
 'KLDivergence': ['kl_divergence', {}, ['name', 'dtype']],
 'LogCoshError': ['log_cosh', {}, ['name', 'dtype']],
 'MeanAbsoluteError': ['mean_absolute_error', {}, ['name', 'dtype']],
 'MeanAbsolutePercentageError': ['mean_absolute_percentage_error', {}, ['name', 'dtype']],
 'MeanSquaredError': ['mean_squared_error', {}, ['name', 'dtype']],
 'MeanSquaredLogarithmicError': ['mean_squared_logarithmic_error', {}, ['name', 'dtype']],
 'PearsonCorrelation': ['pearson_correlation', {'axis': -1}, ['name', 'dtype', 'axis']],
 'Poisson': ['poisson', {}, ['name', 'dtype']],
 'SparseCategoricalAccuracy': ['sparse_categorical_accuracy', {}, ['name', 'dtype']],
 'SparseCategoricalCrossentropy': ['sparse_categorical_crossentropy',
                                   {'axis': -1, 'from_logits': False, 'ignore_class': None},
                                   ['name', 'dtype', 'from_logits', 'ignore_class', 'axis']],
 'SparseTopKCategoricalAccuracy': ['sparse_top_k_categorical_accuracy',
                                   {'from_sorted_ids': False, 'k': 5},
                                   ['k', 'name', 'dtype', 'from_sorted_ids']],
 'SquaredHinge': ['squared_hinge', {}, ['name', 'dtype']],
 'TopKCategoricalAccuracy': ['top_k_categorical_accuracy', {'k': 5}, ['k', 'name', 'dtype']]}

CONFUSION = {'FalseNegatives': ['thresholds', 'name', 'dtype'],
 'FalsePositives': ['thresholds', 'name', 'dtype'],
 'Precision': ['thresholds', 'top_k', 'class_id', 'name', 'dtype'],
 'Recall': ['thresholds', 'top_k', 'class_id', 'name', 'dtype'],
 'TrueNegatives': ['thresholds', 'name', 'dtype'],
 'TruePositives': ['thresholds', 'name', 'dtype']}

F_SCORES = {'F1Score': ['average', 'threshold', 'name', 'dtype'],
 'FBetaScore': ['average', 'beta', 'threshold', 'name', 'dtype']}

SQUEEZING = ['accuracy',
 'binary_accuracy',
 'concordance_correlation',
 'cosine_similarity',
 'log_cosh',
 'mean_absolute_error',
 'mean_absolute_percentage_error',
 'mean_squared_error',
 'mean_squared_logarithmic_error',
 'pearson_correlation']
