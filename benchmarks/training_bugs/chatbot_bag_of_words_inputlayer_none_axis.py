# Source: https://github.com/NeuralNine/neuralintents/issues/47 — Error while training the model (neuralintents' BasicAssistant.fit_model on its basic_chatbot example): ValueError: Exception encountered when calling Sequential.call(). Invalid input shape for input ... Expected shape (None, None, 44), but input has incompatible shape (None, 44)
# The library's code, its example intents inline; nltk's word_tokenize and WordNet lemmatizer (not installed here) are
# a split on spaces and lower().
import random

import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout, InputLayer
from tensorflow.keras.optimizers import Adam

intents_data = {"intents": [
    {"tag": "greeting",
     "patterns": ["Hi", "How are you", "Is anyone there?", "Hello", "Good day", "Whats up", "Hey", "greetings"],
     "responses": ["Hello!", "Good to see you again!", "Hi there, how can I help?"]},
    {"tag": "goodbye",
     "patterns": ["cya", "See you later", "Goodbye", "I am Leaving", "Have a Good day", "bye", "cao", "see ya"],
     "responses": ["Sad to see you go :(", "Talk to you later", "Goodbye!"]},
    {"tag": "programming",
     "patterns": ["What is progamming?", "What is coding?", "Tell me about programming", "Tell me about coding",
                  "What is software development?"],
     "responses": ["Programming, coding or software development, means writing computer code to automate tasks."]},
    {"tag": "resource",
     "patterns": ["Where can I learn to code?", "Best way to learn to code", "How can I learn programming",
                  "Good programming resources", "Can you recommend good coding resources?"],
     "responses": ["Check out the NeuralNine YouTube channel and The Python Bible series (7 in 1)."]},
]}


def word_tokenize(text):
    return text.replace("?", " ?").replace("!", " !").split()


def lemmatize(word):
    return word


def prepare_intents_data(ignore_letters=("!", "?", ",", ".")):
    words, intents, documents, training_data = [], [], [], []
    for intent in intents_data["intents"]:
        if intent["tag"] not in intents:
            intents.append(intent["tag"])
        for pattern in intent["patterns"]:
            pattern_words = word_tokenize(pattern)
            words += pattern_words
            documents.append((pattern_words, intent["tag"]))

    words = [lemmatize(w.lower()) for w in words if w not in ignore_letters]
    words = sorted(set(words))

    empty_output = [0] * len(intents)
    for document in documents:
        bag_of_words = []
        pattern_words = [lemmatize(w.lower()) for w in document[0]]
        for word in words:
            bag_of_words.append(1 if word in pattern_words else 0)
        output_row = empty_output.copy()
        output_row[intents.index(document[1])] = 1
        training_data.append([bag_of_words, output_row])

    random.shuffle(training_data)
    training_data = np.array(training_data, dtype="object")
    X = np.array([data[0] for data in training_data])
    y = np.array([data[1] for data in training_data])
    return X, y


X, y = prepare_intents_data()

model = Sequential()
model.add(InputLayer(input_shape=(None, X.shape[1])))
model.add(Dense(128, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(64, activation='relu'))
model.add(Dropout(0.5))
model.add(Dense(y.shape[1], activation='softmax'))

optimizer = Adam(learning_rate=0.01)
model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])
history = model.fit(X, y, epochs=200, batch_size=5, verbose=1)
