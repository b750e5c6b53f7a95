# Source: https://github.com/codingeverybody/codingyahac/issues/1061 — 텐서플로우 파이썬 궁금한 점 (생활코딩 TensorFlow course, Boston house prices): `len(독립)` as the number of independent variables gives the number of rows, and fit raises a ValueError
import tensorflow as tf
import pandas as pd

# 1.과거의 데이터를 준비합니다.
파일경로 = 'boston.csv'  # the course reads https://raw.githubusercontent.com/blackdew/tensorflow1/master/csv/boston.csv
보스턴 = pd.read_csv(파일경로)
print(보스턴.columns)

# 독립변수, 종속변수 분리
독립 = 보스턴[['crim', 'zn', 'indus', 'chas', 'nox', 'rm', 'age', 'dis', 'rad', 'tax',
            'ptratio', 'b', 'lstat']]
종속 = 보스턴[['medv']]
print(독립.shape, 종속.shape)

# 2. 모델의 구조를 만듭니다
X = tf.keras.layers.Input(shape=[len(독립)])
Y = tf.keras.layers.Dense(1)(X)
model = tf.keras.models.Model(X, Y)
model.compile(loss='mse')

# 3.데이터로 모델을 학습(FIT)합니다.
model.fit(독립, 종속, epochs=10)
