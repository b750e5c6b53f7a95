# Source: https://github.com/hegongshan/deep_matrix_factorization/issues/1 (issue description) — evaluate.py: _model.predict([np.array(users_input), np.array(items_input)], ...) fails (expected user_input to have shape (1,) but got array with shape (3952,)): rows of the rating matrix given to the model's index inputs
# The repository's dmf.py model and evaluate.py (one training epoch, then the evaluation), on a small
# random rating matrix of 20 users and 30 items made here; backend K. functions as keras.ops, lr= as
# learning_rate=, the Lambdas given the output_shape Keras 3 cannot infer.
import heapq
import math

import numpy as np
from keras import ops
from keras import optimizers
from keras.layers import Input, Dense, Lambda, Flatten
from keras.models import Model


class DMF(object):

    def __init__(self, num_users, num_items, user_layers, item_layers, lr, train_matrix):
        self.num_users = num_users
        self.num_items = num_items
        self.user_layers = user_layers
        self.item_layers = item_layers
        self.lr = lr
        self.user_rating = ops.convert_to_tensor(train_matrix, dtype='float32')
        self.item_rating = ops.convert_to_tensor(train_matrix.T, dtype='float32')

    @staticmethod
    def cosine_similarity(inputs, epsilon=1.0e-6, delta=1e-12):
        x, y = inputs[0], inputs[1]
        numerator = ops.sum(x * y, axis=1, keepdims=True)
        denominator = ops.sqrt(ops.sum(x * x, axis=1, keepdims=True) * ops.sum(y * y, axis=1, keepdims=True))
        cosine_similarity = numerator / ops.maximum(denominator, delta)
        return ops.maximum(cosine_similarity, epsilon)

    def get_model(self):
        user_input = Input(shape=(1,), dtype='int32', name='user_input')
        item_input = Input(shape=(1,), dtype='int32', name='item_input')

        user_rating_input = Lambda(lambda x: ops.take(self.user_rating, x, axis=0), output_shape=(1, self.num_items))(user_input)
        user_rating_vector = Flatten()(user_rating_input)

        item_rating_input = Lambda(lambda x: ops.take(self.item_rating, x, axis=0), output_shape=(1, self.num_users))(item_input)
        item_rating_vector = Flatten()(item_rating_input)

        user_vector = None
        item_vector = None
        for i in range(len(self.user_layers)):
            layer = Dense(self.user_layers[i], activation='relu', name='user_layer%d' % (i + 1))
            if i == 0:
                user_vector = layer(user_rating_vector)
            else:
                user_vector = layer(user_vector)

        for i in range(len(self.item_layers)):
            layer = Dense(self.item_layers[i], activation='relu', name='item_layer%d' % (i + 1))
            if i == 0:
                item_vector = layer(item_rating_vector)
            else:
                item_vector = layer(item_vector)

        y_predict = Lambda(function=self.cosine_similarity, output_shape=(1,), name='predict')([user_vector, item_vector])
        model = Model(inputs=[user_input, item_input], outputs=y_predict)
        model.compile(optimizer=optimizers.Adam(learning_rate=self.lr), loss='binary_crossentropy')
        return model


_model = None
_test_ratings = None
_test_negatives = None
_data_matrix = None


def evaluate_model(model, test_ratings, test_negatives, data_matrix, k=10):
    global _model, _test_ratings, _test_negatives, _data_matrix
    _model = model
    _test_ratings = test_ratings
    _test_negatives = test_negatives
    _data_matrix = data_matrix

    hits, ndcgs = [], []
    for i in range(len(_test_ratings)):
        (hr, ndcg) = _evaluate_one_rating(i, k=k)
        hits.append(hr)
        ndcgs.append(ndcg)
    return (hits, ndcgs)


def _evaluate_one_rating(idx, k):
    rating = _test_ratings[idx]
    items = _test_negatives[idx]
    user = rating[0]
    gt_item = rating[1]
    items.append(gt_item)

    items_input = []
    users_input = []
    for i in items:
        items_input.append(_data_matrix[:, i - 1])
        users_input.append(_data_matrix[user - 1])
    predictions = _model.predict([np.array(users_input), np.array(items_input)],
                                 batch_size=64,
                                 verbose=0)

    map_item_score = {}
    for i in range(len(items)):
        item = items[i]
        map_item_score[item] = float(predictions[i][0])

    items.pop()
    ranklist = heapq.nlargest(k, map_item_score, key=map_item_score.get)
    hr = 1 if gt_item in ranklist else 0
    ndcg = 0
    for i in range(len(ranklist)):
        if ranklist[i] == gt_item:
            ndcg = math.log(2) / math.log(i + 2)
    return (hr, ndcg)


num_users, num_items = 20, 30
rng = np.random.default_rng(0)
data_matrix = (rng.random((num_users, num_items)) > 0.7).astype('float32') * rng.integers(1, 6, (num_users, num_items))
test_ratings = [[u, int(rng.integers(1, num_items + 1))] for u in range(1, num_users + 1)]
test_negatives = [[int(i) for i in rng.integers(1, num_items + 1, 5)] for _ in range(num_users)]

dmf = DMF(num_users=num_users, num_items=num_items, user_layers=[512, 64], item_layers=[1024, 64],
          lr=0.0001, train_matrix=data_matrix)
model = dmf.get_model()
model.summary()

user_input = rng.integers(0, num_users, 256)
item_input = rng.integers(0, num_items, 256)
ratings = (rng.random(256) > 0.5).astype('float32')
history = model.fit(x=[np.array(user_input), np.array(item_input)], y=np.array(ratings),
                    batch_size=256, epochs=1, shuffle=True)
(hits, ndcgs) = evaluate_model(model, test_ratings, test_negatives, data_matrix, 10)
print('HR = %.4f, NDCG = %.4f' % (np.array(hits).mean(), np.array(ndcgs).mean()))
