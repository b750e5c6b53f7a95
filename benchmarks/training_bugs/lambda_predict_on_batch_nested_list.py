# Source: https://github.com/jskDr/keraspp/issues/9 — ex9_3_advanced_keras.py 에서 발생하는 ValueError: yp = m.predict_on_batch([[1, 2, 3], [3, 4, 8]]): Expected to see 1 array(s), but instead got the following list of 2 arrays
# The book's Backend_for_Lambda example; its K.mean/K.abs/K.square/K.concatenate written as keras.ops.
from keras import ops


def Backend_for_Lambda():
    from keras.layers import Lambda, Input
    from keras.models import Model

    def kproc_concat(x):
        m = ops.mean(x, axis=1, keepdims=True)
        d1 = ops.abs(x - m)
        d2 = ops.square(x - m)
        return ops.concatenate([x, d1, d2], axis=1)

    def kshape_concat(input_shape):
        output_shape = list(input_shape)
        output_shape[1] *= 3
        return tuple(output_shape)

    x = Input((3,))
    y = Lambda(kproc_concat, kshape_concat)(x)
    m = Model(x, y)

    yp = m.predict_on_batch([[1, 2, 3], [3, 4, 8]])
    print(yp)


def main():
    print('Backend for Lambda')
    Backend_for_Lambda()


if __name__ == '__main__':
    main()
