# Source: https://github.com/msasnur/Healthcare-Analytics/issues/6 — this only i got error: the Dense model was built with input_shape=(254750, 20), the rows of X_train included (summary: dense (None, 254750, 64))
import numpy as np
import pandas as pd
np.set_printoptions(suppress=True)
import warnings
warnings.filterwarnings('ignore')

# Importing datasets
train = pd.read_csv('train.csv')
test = pd.read_csv('test.csv')

#Replacing NA values in Bed Grade Column for both Train and Test datssets
train['Bed Grade'].fillna(train['Bed Grade'].mode()[0], inplace = True)
test['Bed Grade'].fillna(test['Bed Grade'].mode()[0], inplace = True)

#Replacing NA values in  Column for both Train and Test datssets
train['City_Code_Patient'].fillna(train['City_Code_Patient'].mode()[0], inplace = True)
test['City_Code_Patient'].fillna(test['City_Code_Patient'].mode()[0], inplace = True)

# Label Encoding Stay column in train dataset
from sklearn.preprocessing import LabelEncoder
le = LabelEncoder()
train['Stay'] = le.fit_transform(train['Stay'].astype('str'))

#Imputing dummy Stay column in test datset to concatenate with train dataset
test['Stay'] = -1
df = pd.concat([train, test])

#Label Encoding all the columns in Train and test datasets
for i in ['Hospital_type_code', 'Hospital_region_code', 'Department',
          'Ward_Type', 'Ward_Facility_Code', 'Type of Admission', 'Severity of Illness', 'Age']:
    le = LabelEncoder()
    df[i] = le.fit_transform(df[i].astype(str))

#Spearating Train and Test Datasets
train = df[df['Stay'] != -1]
test = df[df['Stay'] == -1]


def get_countid_enocde(train, test, cols, name):
    temp = train.groupby(cols)['case_id'].count().reset_index().rename(columns={'case_id': name})
    temp2 = test.groupby(cols)['case_id'].count().reset_index().rename(columns={'case_id': name})
    train = pd.merge(train, temp, how='left', on=cols)
    test = pd.merge(test, temp2, how='left', on=cols)
    train[name] = train[name].astype('float')
    test[name] = test[name].astype('float')
    train[name].fillna(np.median(temp[name]), inplace = True)
    test[name].fillna(np.median(temp2[name]), inplace = True)
    return train, test


train, test = get_countid_enocde(train, test, ['patientid'], name='count_id_patient')
train, test = get_countid_enocde(train, test,
                                 ['patientid', 'Hospital_region_code'], name='count_id_patient_hospitalCode')
train, test = get_countid_enocde(train, test,
                                 ['patientid', 'Ward_Facility_Code'], name='count_id_patient_wardfacilityCode')

from sklearn.model_selection import train_test_split

# Segregation of features and target variable
X = train.drop('Stay', axis=1)
y = train['Stay']

# Data Scaling
from sklearn import preprocessing
X_scale = preprocessing.scale(X)
X_scale.shape

X_train, X_test, y_train, y_test = train_test_split(X_scale, y, test_size=0.20, random_state=100)

import keras  # noqa: F401
from keras.models import Sequential
from keras.layers import Dense
import tensorflow as tf  # noqa: F401

from keras.utils import to_categorical
#Sparse Matrix
a = to_categorical(y_train)
b = to_categorical(y_test)

model = Sequential()
model.add(Dense(64, activation='relu', input_shape=(20,)))
model.add(Dense(128, activation='relu'))
model.add(Dense(256, activation='relu'))
model.add(Dense(512, activation='relu'))
model.add(Dense(512, activation='relu'))
model.add(Dense(11, activation='softmax'))

model.summary()

model.compile(optimizer='SGD',
              loss='categorical_crossentropy',
              metrics=['accuracy'])

model.fit(X_train, a, epochs=20, validation_split=0.2)
