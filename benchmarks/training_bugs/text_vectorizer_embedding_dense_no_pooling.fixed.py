# Source: https://github.com/mrdbourke/tensorflow-deep-learning/issues/514 — lecture #234 - fails with 'ValueError: `logits` and `labels` must have the same shape, received ((None, 15, 1) vs (None,)'
# The course's model 1 for Keras 3: the disaster tweets read from train.csv (40 here), split, a TextVectorization of 15 tokens and an
# Embedding, a Dense(1, sigmoid) straight on the embedded tokens (no pooling), binary_crossentropy.
# Fixed as the course notes say: GlobalAveragePooling1D before the Dense.
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from tensorflow.keras import layers

train_df = pd.read_csv("train.csv")
train_df_shuffled = train_df.sample(frac=1, random_state=42)
train_sentences, val_sentences, train_labels, val_labels = train_test_split(
    train_df_shuffled["text"].to_numpy(), train_df_shuffled["target"].to_numpy(), test_size=0.1, random_state=42)

max_vocab_length = 10000
max_length = 15
text_vectorizer = layers.TextVectorization(max_tokens=max_vocab_length, output_mode="int",
                                           output_sequence_length=max_length)
text_vectorizer.adapt(train_sentences)
embedding = layers.Embedding(input_dim=max_vocab_length, output_dim=128, embeddings_initializer="uniform",
                             name="embedding_1")

inputs = layers.Input(shape=(1,), dtype="string")
x = text_vectorizer(inputs)
x = embedding(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model_1 = tf.keras.Model(inputs, outputs)
model_1.compile(loss="binary_crossentropy", optimizer=tf.keras.optimizers.Adam(), metrics=["accuracy"])
history_1 = model_1.fit(x=train_sentences, y=train_labels, epochs=5, validation_data=(val_sentences, val_labels))
