# Source: https://github.com/mrdbourke/tensorflow-deep-learning/issues/496 — ValueError: logits and labels must have the same shape, received ((None, 15, 1) vs (None,)) (Dense(1) straight on the Embedding output, no pooling)
import numpy as np  # noqa: F401
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from tensorflow.keras import layers

# the Kaggle "Real or Not? NLP with Disaster Tweets" training set: text and a 0/1 target
train_df = pd.DataFrame({
    "text": ["Forest fire near La Ronge Sask. Canada", "I love fruits", "Flood warning for the coast tonight",
             "What a goooooooaaaaaal!!!!!!", "Earthquake shakes the city centre", "this is ridiculous....",
             "Evacuation orders lifted after the blaze", "Summer is lovely"] * 25,
    "target": [1, 0, 1, 0, 1, 0, 1, 0] * 25,
})
train_df_shuffled = train_df.sample(frac=1, random_state=42)
train_sentences, val_sentences, train_labels, val_labels = train_test_split(train_df_shuffled["text"].to_numpy(),
                                                                            train_df_shuffled["target"].to_numpy(),
                                                                            test_size=0.1,
                                                                            random_state=42)

max_vocab_length = 10000
max_length = 15
text_vectorizer = layers.TextVectorization(max_tokens=max_vocab_length,
                                           output_mode="int",
                                           output_sequence_length=max_length)
text_vectorizer.adapt(train_sentences)

embedding = layers.Embedding(input_dim=max_vocab_length,
                             output_dim=128,
                             embeddings_initializer="uniform")

# (the JAX backend holds no strings: the sentences are vectorized before the model, not inside it)
train_sequences = text_vectorizer(train_sentences)
val_sequences = text_vectorizer(val_sentences)

inputs = layers.Input(shape=(max_length,), dtype="int64")
x = embedding(inputs)
# the fix: condense the sequence of embeddings before the output layer
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model_1 = tf.keras.Model(inputs, outputs, name="model_1_dense")

model_1.compile(loss="binary_crossentropy",
                optimizer=tf.keras.optimizers.Adam(),
                metrics=["accuracy"])
model_1.summary()

model_1_history = model_1.fit(x=train_sequences,
                              y=train_labels,
                              epochs=5,
                              validation_data=(val_sequences, val_labels))
