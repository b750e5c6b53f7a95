# Source: https://github.com/drawbridge/keras-mmoe/issues/23 — run synthetic_demo ValueError: Data cardinality is ambiguous (x sizes: 10000, y sizes: 1, 1, 1, ...): the two tasks' labels are Python lists of one-element arrays
# Fix (the diff given in the thread): each task's labels made a NumPy array, [np.array(y0[...]), np.array(y1[...])].
# synthetic_demo.py and mmoe.py of the repository: the MMoE layer written with keras.ops (Keras 3), 1200
# synthetic rows instead of 12000, Adam(lr=) as learning_rate= and the metrics given per output (Keras 3
# rejects one list of metrics for a two-output model before the bug is reached).
import random

import numpy as np
import pandas as pd
import keras  # noqa: F401
from keras import ops, activations, initializers
from keras.optimizers import Adam
from keras.initializers import VarianceScaling
from keras.layers import Input, Dense, Layer
from keras.models import Model

SEED = 1
np.random.seed(SEED)
random.seed(SEED)


class MMoE(Layer):
    """Multi-gate Mixture-of-Experts model."""

    def __init__(self, units, num_experts, num_tasks, use_expert_bias=True, use_gate_bias=True,
                 expert_activation='relu', gate_activation='softmax', **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.num_experts = num_experts
        self.num_tasks = num_tasks
        self.use_expert_bias = use_expert_bias
        self.use_gate_bias = use_gate_bias
        self.expert_activation = activations.get(expert_activation)
        self.gate_activation = activations.get(gate_activation)
        self.expert_kernel_initializer = initializers.get('variance_scaling')
        self.gate_kernel_initializer = initializers.get('variance_scaling')

    def build(self, input_shape):
        input_dimension = input_shape[-1]
        self.expert_kernels = self.add_weight(name='expert_kernel', shape=(input_dimension, self.units, self.num_experts),
                                              initializer=self.expert_kernel_initializer)
        if self.use_expert_bias:
            self.expert_bias = self.add_weight(name='expert_bias', shape=(self.units, self.num_experts),
                                               initializer='zeros')
        self.gate_kernels = [self.add_weight(name='gate_kernel_task_{}'.format(i),
                                             shape=(input_dimension, self.num_experts),
                                             initializer=self.gate_kernel_initializer)
                             for i in range(self.num_tasks)]
        if self.use_gate_bias:
            self.gate_bias = [self.add_weight(name='gate_bias_task_{}'.format(i), shape=(self.num_experts,),
                                              initializer='zeros')
                              for i in range(self.num_tasks)]

    def call(self, inputs):
        gate_outputs = []
        final_outputs = []

        expert_outputs = ops.tensordot(inputs, self.expert_kernels, axes=1)
        if self.use_expert_bias:
            expert_outputs = expert_outputs + self.expert_bias
        expert_outputs = self.expert_activation(expert_outputs)

        for index, gate_kernel in enumerate(self.gate_kernels):
            gate_output = ops.matmul(inputs, gate_kernel)
            if self.use_gate_bias:
                gate_output = gate_output + self.gate_bias[index]
            gate_output = self.gate_activation(gate_output)
            gate_outputs.append(gate_output)

        for gate_output in gate_outputs:
            expanded_gate_output = ops.expand_dims(gate_output, axis=1)
            weighted_expert_output = expert_outputs * ops.repeat(expanded_gate_output, self.units, axis=1)
            final_outputs.append(ops.sum(weighted_expert_output, axis=2))

        return final_outputs

    def compute_output_shape(self, input_shape):
        output_shape = list(input_shape)
        output_shape[-1] = self.units
        return [tuple(output_shape) for _ in range(self.num_tasks)]


def data_preparation():
    # Synthetic data parameters
    num_dimension = 100
    num_row = 1200
    c = 0.3
    rho = 0.8
    m = 5

    # Initialize vectors u1, u2, w1, and w2 according to the paper
    mu1 = np.random.normal(size=num_dimension)
    mu1 = (mu1 - np.mean(mu1)) / (np.std(mu1) * np.sqrt(num_dimension))
    mu2 = np.random.normal(size=num_dimension)
    mu2 -= mu2.dot(mu1) * mu1
    mu2 /= np.linalg.norm(mu2)
    w1 = c * mu1
    w2 = c * (rho * mu1 + np.sqrt(1. - rho ** 2) * mu2)

    # Feature and label generation
    alpha = np.random.normal(size=m)
    beta = np.random.normal(size=m)
    y0 = []
    y1 = []
    X = []

    for i in range(num_row):
        x = np.random.normal(size=num_dimension)
        X.append(x)
        num1 = w1.dot(x)
        num2 = w2.dot(x)
        comp1, comp2 = 0.0, 0.0

        for j in range(m):
            comp1 += np.sin(alpha[j] * num1 + beta[j])
            comp2 += np.sin(alpha[j] * num2 + beta[j])

        y0.append(num1 + comp1 + np.random.normal(scale=0.1, size=1))
        y1.append(num2 + comp2 + np.random.normal(scale=0.1, size=1))

    X = np.array(X)
    data = pd.DataFrame(
        data=X,
        index=range(X.shape[0]),
        columns=['x{}'.format(it) for it in range(X.shape[1])]
    )

    train_data = data.iloc[0:1000]
    train_label = [np.array(y0[0:1000]), np.array(y1[0:1000])]
    validation_data = data.iloc[1000:1100]
    validation_label = [np.array(y0[1000:1100]), np.array(y1[1000:1100])]
    test_data = data.iloc[1100:]
    test_label = [np.array(y0[1100:]), np.array(y1[1100:])]

    return train_data, train_label, validation_data, validation_label, test_data, test_label


def main():
    # Load the data
    train_data, train_label, validation_data, validation_label, test_data, test_label = data_preparation()
    num_features = train_data.shape[1]

    # Set up the input layer
    input_layer = Input(shape=(num_features,))

    # Set up MMoE layer
    mmoe_layers = MMoE(
        units=16,
        num_experts=8,
        num_tasks=2
    )(input_layer)

    output_layers = []

    output_info = ['y0', 'y1']

    # Build tower layer from MMoE layer
    for index, task_layer in enumerate(mmoe_layers):
        tower_layer = Dense(
            units=8,
            activation='relu',
            kernel_initializer=VarianceScaling())(task_layer)
        output_layer = Dense(
            units=1,
            name=output_info[index],
            activation='linear',
            kernel_initializer=VarianceScaling())(tower_layer)
        output_layers.append(output_layer)

    # Compile model
    model = Model(inputs=[input_layer], outputs=output_layers)
    learning_rates = [1e-4, 1e-3, 1e-2]
    adam_optimizer = Adam(learning_rate=learning_rates[0])
    model.compile(
        loss={'y0': 'mean_squared_error', 'y1': 'mean_squared_error'},
        optimizer=adam_optimizer,
        metrics={'y0': ['mae'], 'y1': ['mae']}
    )

    # Train the model
    model.fit(
        x=train_data,
        y=train_label,
        validation_data=(validation_data, validation_label),
        epochs=100
    )


if __name__ == '__main__':
    main()
