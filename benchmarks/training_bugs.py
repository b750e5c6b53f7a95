"""kerascheck on the training-time bugs users report (issue 16's measure).

Issue 16 asks that of the errors users meet when data meets the model (``fit``, ``evaluate``,
``predict``, ``train_on_batch``: images of the wrong rank, integer labels given to
``categorical_crossentropy``, one-hot labels to ``sparse_categorical_crossentropy``, ten classes
in the labels and ``Dense(5)``, ``input_shape=X.shape`` with the sample axis, inputs and targets
of different sample counts, an autoencoder whose output does not match its target...) at least 8
in 10 be reported at the right line, with no error on their corrected versions.

``training_bugs/`` holds one pair of scripts per bug report (a Stack Overflow question, a GitHub
issue, a blog post; the first line of each script names its source):

- ``<slug>.py``, a minimal but faithful Keras 3 reproduction of the user's code (their structure:
  ``keras.datasets`` loaders, NumPy, pandas, ``to_categorical``, ``tf.data``, Sequential, functional
  and subclassed models; small sizes where the data is the user's own; Keras 2 spellings that
  Keras 3 rejects, such as ``lr=`` or ``nb_epoch=``, are written the Keras 3 way so that the script
  reaches the bug reported);
- ``<slug>.fixed.py``, the same script with the fix the answer gave.

Where the user's data came from a file (a CSV read with pandas, an ``.npy`` or HDF5 file, a folder
of arrays), the script reads a file too: the recorder writes a small stand-in of the same columns
and shapes into the script's scratch folder (``DATA`` below), and kerascheck, which reads only
the script, knows no more about it than about the user's file.

What Keras 3.15.1 did with each script, ``training_bugs_truth.json``, is committed:

    KERAS_BACKEND=jax python benchmarks/training_bugs.py record    # run every script under Keras 3
    python benchmarks/training_bugs.py record --check              # re-run, compare with the record
    python benchmarks/training_bugs.py [--verbose]                  # measure kerascheck against it

Recording: each script runs under real Keras 3 (the JAX backend, XLA compilation unoptimised,
offline, in a scratch folder of its own), with ``keras.datasets`` loaders giving zeros of the real
shapes and dtypes and ``get_file`` an empty file (``tests/realworld/shims.py``'s shims, imported);
``fit`` runs for real, limited to one epoch of one step (``evaluate`` and ``predict`` to one step),
so that the model, its loss and its metrics meet the data as they would. For the buggy script the
record keeps the exception's type and message and the line of the script Keras raised at (the
innermost frame of the traceback in the script); for the fixed one, that it ran to its end. A case
is *dropped* (kept in the record with the reason, left out of the measure) when its buggy script
does not raise under Keras 3, raises from outside Keras (the error is not Keras's: a file, NumPy),
or when its fixed script raises.

Measuring: kerascheck runs in-process (``kerascheck.analysis.analyse_path``) on both scripts of
every kept case. A bug is *found* when kerascheck reports an error-severity diagnostic at the line
Keras raised at; a *false error* is any error-severity diagnostic on a fixed script. kerascheck's
own failures (KC0xx: a file it could not read, an internal error) are counted apart. The exit
status is 1 while the issue's bar (8 in 10 found, no false error) is not met.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
CASES = HERE / "training_bugs"
TRUTH = HERE / "training_bugs_truth.json"
TIMEOUT = 600  # seconds a script may run
TARGET = 0.8  # issue 16: at least 8 in 10 found


def cases() -> list[str]:
    """The slugs: every ``<slug>.py`` with its ``<slug>.fixed.py``."""
    fixed = {p.name[: -len(".fixed.py")] for p in CASES.glob("*.fixed.py")}
    return sorted(s for s in fixed if (CASES / f"{s}.py").exists())


def script(slug: str, fixed: bool) -> Path:
    return CASES / (f"{slug}.fixed.py" if fixed else f"{slug}.py")


# --------------------------------------------------------------------------- the users' data files
# What each script reads from a file: written into its scratch folder before it runs (the same
# for the buggy and the fixed script). Columns, dtypes and shapes as the users describe their data;
# the values do not matter, except where the script derives a size from them (class counts).


def _csv(path: Path, header: list[str] | None, rows, sep: str = ",") -> None:
    lines = [sep.join(header)] if header else []
    lines += [sep.join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n")


def _data(slug: str, folder: Path) -> None:  # noqa: C901  (one branch per case)
    import h5py
    import numpy as np

    rng = np.random.default_rng(0)

    def save(name: str, array) -> None:  # noqa: ANN001
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        np.save(folder / name, array)

    def onehot(count: int, classes: int):  # noqa: ANN202
        return np.eye(classes, dtype="float32")[np.arange(count) % classes]

    def images(sub: str, count: int, size=(64, 64), grey: bool = False, ext: str = "jpg") -> None:  # noqa: ANN001
        import cv2

        (folder / sub).mkdir(parents=True, exist_ok=True)
        shape = size if grey else size + (3,)
        for i in range(count):
            cv2.imwrite(str(folder / sub / f"{i}.{ext}"), np.full(shape, 128, "uint8"))

    if slug == "lstm_input_shape_with_batch_axis":
        _csv(folder / "positive_sample.csv", None, rng.integers(0, 12000, (6, 30)))
    elif slug == "conv2d_channels_first_input_shape":
        save("x_train.npy", np.zeros((40, 48, 64, 3), "float32"))
        save("y_train.npy", onehot(40, 10))
    elif slug == "lstm_segments_reshaped_4d":
        values = np.zeros((1045 * 400, 4))
        values[:, 3] = np.repeat(np.arange(1045) % 3, 400)
        np.savetxt(folder / "accelerometer.csv", values, delimiter=",", fmt="%g")
    elif slug == "fashion_csv_flat_into_conv2d":
        _csv(folder / "fashion-mnist_train.csv", ["label"] + [f"pixel{i}" for i in range(1, 785)],
             [[i % 10] + [0] * 784 for i in range(100)])
    elif slug == "ascii_letter_labels_to_categorical":
        _csv(folder / "letters.csv", None, [[chr(97 + i % 26)] + [0.5] * 16 for i in range(52)])
    elif slug == "lenet_binary_sigmoid_two_column_labels":
        save("train_images.npy", np.zeros((16, 32, 32, 3), "float32"))
        save("train_labels.npy", onehot(16, 2))
    elif slug == "signs_h5_labels_6_dense_10":
        with h5py.File(folder / "train_signs.h5", "w") as f:
            f["train_set_x"] = np.zeros((12, 64, 64, 3), "uint8")
            f["train_set_y"] = np.arange(12) % 6
    elif slug == "wine_onehot_sparse_loss":
        columns = ["fixed acidity", "volatile acidity", "citric acid", "residual sugar", "chlorides",
                   "free sulfur dioxide", "total sulfur dioxide", "density", "pH", "sulphates", "alcohol",
                   "quality"]
        for name in ("winequality-red.csv", "winequality-white.csv"):
            _csv(folder / name, [f'"{c}"' for c in columns],
                 rng.integers(1, 9, (20, len(columns))), sep=";")
    elif slug == "conv1d_maxpool_dense_3d_output_sparse":
        save("train_feature.npy", np.zeros((16, 98, 900), "float32"))
        save("train_label.npy", np.arange(16) % 5)
    elif slug == "lstm_return_sequences_timedistributed_2d_target":
        save("sequences.npy", np.ones((12, 15, 100), "float32"))
        save("labels.npy", onehot(12, 97))
    elif slug == "lstm_sliding_window_3d_target":
        save("signals.npy", np.zeros((30, 100), "float32"))
        save("window_labels.npy", np.eye(5, dtype="float32")[np.arange(200).reshape(20, 10) % 5])
    elif slug == "deep_autoencoder_target_2048":
        for part, count in (("train", 16), ("test", 8)):
            save(f"captions_{part}.npy", np.zeros((count, 128), "float32"))
            save(f"images_{part}.npy", np.zeros((count, 2048), "float32"))
    elif slug == "vgg16_notop_integer_labels":
        for part in ("train", "valid"):
            save(f"{part}X.npy", np.zeros((2, 224, 224, 3), "float32"))
            save(f"{part}Y.npy", np.array([[0], [1]]))
    elif slug == "lstm_single_sequence_cardinality":
        _csv(folder / "sensor_frames.csv", [f"f{i}" for i in range(1200)] + ["target"], np.zeros((99, 1201)))
    elif slug == "two_images_as_list_to_sequential":
        save("template.npy", np.zeros((549, 549, 3), "float32"))
        save("actual.npy", np.zeros((549, 549, 3), "float32"))
    elif slug == "dataset_features_and_separate_label_dataset":
        categories = ["Furniture", "Office Supplies", "Technology", "Appliances"]
        _csv(folder / "superstore.csv", ["Sales", "Quantity", "Discount", "Profit", "Category"],
             [[12.5, 2, 0.1, 3.2, categories[i % 4]] for i in range(64)])
    elif slug == "validation_split_python_list_labels":
        words = ["güzel", "kötü", "ürün", "hızlı", "kargo", "berbat", "harika"]
        (folder / "reviews.json").write_text(json.dumps(
            [{"text": " ".join(words[(i + k) % 7] for k in range(5)), "label": i % 2} for i in range(40)]))
    elif slug == "churn_dataframe_object_dtype":
        _csv(folder / "Churn.csv", ["Customer ID", "Gender", "Senior Citizen", "Tenure", "Contract",
                                    "Monthly Charges", "Churn"],
             [[f"{1000 + i}-ABCD", ["Male", "Female"][i % 2], i % 2, i % 70, ["Month-to-month", "One year"][i % 2],
               20.5 + i, ["Yes", "No"][i % 3 == 0]] for i in range(50)])
    elif slug == "speech_emotion_4_classes_dense_10":
        emotions = ["male_angry", "male_calm", "female_angry", "female_calm"]
        _csv(folder / "features.csv", [str(i) for i in range(216)] + ["label"],
             [[0.0] * 216 + [emotions[i % 4]] for i in range(400)])  # every emotion in a shuffled fifth
    elif slug == "vgg19_predict_python_list_of_images":
        for i in range(20):
            save(f"images/img_{i:02d}.npy", np.zeros((64, 64, 3), "float32"))
    elif slug == "csv_input_dim_4_three_columns":
        rows = [[500, 6, 72, 19]] + [[v, 5, 50, 12] for v in (300, 700, 600, 500, 300, 300, 300, 300, 300)]
        _csv(folder / "mk.csv", ["a", "b", "c", "d"], rows)
    elif slug == "kfold_model_built_once_layers_added_per_fold":
        save("signals.npy", np.zeros((500, 1028), "float32"))
        save("signal_labels.npy", np.arange(500) % 3)
    elif slug == "image_dataset_from_directory_int_labels_two_units":
        import tensorflow as tf

        for emotion in ("angry", "happy"):
            (folder / "faces" / emotion).mkdir(parents=True)
            for i in range(6):
                png = tf.io.encode_png(tf.zeros((48, 48, 3), tf.uint8)).numpy()
                (folder / "faces" / emotion / f"{i}.png").write_bytes(png)
    elif slug == "credit_grades_evaluate_labels_not_onehot":
        _csv(folder / "credit.csv", [f"feature{i}" for i in range(8)] + ["grade"],
             [[round(float(v), 3) for v in rng.random(8)] + [i % 7] for i in range(60)])
    elif slug == "bbox_regression_target_is_images":
        _csv(folder / "labels.csv", ["image", "xmin", "xmax", "ymin", "ymax"],
             [[f"img_{i}.npy", 10, 120, 20, 140] for i in range(10)])
        for i in range(10):
            save(f"images/img_{i}.npy", np.zeros((240, 240, 3), "float32"))
    elif slug == "lung_segmentation_rgb_masks":
        for i in range(10):
            save(f"train/images/{i:03d}.npy", np.zeros((64, 64, 1), "float32"))
            save(f"train/masks/{i:03d}.npy", np.zeros((64, 64, 3), "float32"))
    elif slug == "dense_input_dim_7_on_3d_data":
        save("dataset_x.npy", np.zeros((30, 7, 169), "float32"))
        save("dataset_y.npy", np.arange(30) % 2)
    elif slug == "product_features_int_labels_two_units":
        for part, count in (("train", 40), ("dev", 10)):
            save(f"{part}_features.npy", np.zeros((count, 50), "float32"))
            save(f"{part}_labels.npy", (np.arange(count) % 2).reshape(-1, 1))
    elif slug == "five_class_npy_labels_without_onehot":
        save("data.npy", np.zeros((40, 8, 8), "float32"))
        save("label.npy", np.arange(40) % 5)
    elif slug == "conv1d_on_2d_series_input":
        save("series_train.npy", np.zeros((40, 30), "float32"))
        save("series_targets.npy", np.zeros((40,), "float32"))
    elif slug == "image_list_regression_five_outputs":
        (folder / "samples").mkdir()
        for i in range(10):
            np.savez(folder / "samples" / f"{i:02d}.npz", image=np.zeros((64, 64, 3), "float32"),
                     target=np.zeros(5, "float32"))
    elif slug == "dense_input_shape_1_3_features":
        _csv(folder / "measurements.csv", ["x1", "x2", "x3", "y"], rng.random((1700, 4)).round(3))
    elif slug == "healthcare_input_shape_with_row_count":
        columns = ["case_id", "Hospital_code", "Hospital_type_code", "City_Code_Hospital", "Hospital_region_code",
                   "Available Extra Rooms in Hospital", "Department", "Ward_Type", "Ward_Facility_Code",
                   "Bed Grade", "patientid", "City_Code_Patient", "Type of Admission", "Severity of Illness",
                   "Visitors with Patient", "Age", "Admission_Deposit", "Stay"]
        stays = ["0-10", "11-20", "21-30", "31-40", "41-50", "51-60", "61-70", "71-80", "81-90", "91-100",
                 "More than 100 Days"]

        def patient(i: int) -> list:  # the 17 columns before Stay (the 11 stays each in every tenth)
            return [i + 1, i % 32, "abc"[i % 3], i % 13, "XYZ"[i % 3], 2 + i % 4,
                    ["gynecology", "anesthesia", "radiotherapy"][i % 3], "RSQ"[i % 3], "FED"[i % 3], 1 + i % 4,
                    1000 + i % 40, 1 + i % 9, ["Emergency", "Trauma", "Urgent"][i % 3],
                    ["Extreme", "Moderate", "Minor"][i % 3], 2 + i % 5, ["51-60", "71-80", "31-40"][i % 3],
                    4000 + 10 * i]

        _csv(folder / "train.csv", [f'"{c}"' if " " in c else c for c in columns],
             [patient(i) + [f'"{stays[i % 11]}"' if " " in stays[i % 11] else stays[i % 11]] for i in range(220)])
        _csv(folder / "test.csv", [f'"{c}"' if " " in c else c for c in columns[:-1]],
             [patient(1000 + i) for i in range(40)])
    elif slug == "quickdraw_six_classes_dense_15":
        import pickle

        with open(folder / "features", "wb") as f:  # LoadData.py: 6 class files of 28*28 drawings
            pickle.dump(np.zeros((60, 784), "float32"), f, protocol=4)
        with open(folder / "labels", "wb") as f:
            pickle.dump((np.arange(60) % 6).astype("float32").reshape(-1, 1), f, protocol=4)
        (folder / "models").mkdir(exist_ok=True)
    elif slug == "conv1d_input_shape_x_shape_cancer_csv":
        for name, count in (("CancerAdapter.csv", 40), ("CancereEvaluation.csv", 20)):  # diagnosis, 30 features
            _csv(folder / name, None, [[i % 2] + [round(float(v), 3) for v in rng.random(30)] for i in range(count)])
    elif slug == "evaluate_sample_weight_per_class":
        save("X.npy", rng.random((180, 20)).astype("float32"))
        save("Y.npy", onehot(180, 17))
        save("class_weights.npy", np.linspace(0.5, 2.0, 17))
    elif slug == "lstm_return_sequences_dense_24_generator":
        for part, count in (("", 1500), ("_val", 500)):  # hourly rows: 3 features, the next 24 hours as targets
            save(f"X{part}.npy", rng.random((count, 3)).astype("float32"))
            save(f"y{part}.npy", rng.random((count, 24)).astype("float32"))
    elif slug == "next_word_bilstm_integer_targets_categorical":
        save("X.npy", rng.integers(0, 60, (453, 9)))  # padded word indices
        save("Y.npy", rng.integers(1, 60, (453, 1)))  # the next word's index
    elif slug == "fraud_autoencoder_index_column_input_dim_29":  # written with its index: 'Unnamed: 0'
        columns = ["", "Time"] + [f"V{i}" for i in range(1, 29)] + ["Amount", "Class"]
        _csv(folder / "credit_card.csv", columns,
             [[i, i * 10] + [round(float(v), 3) for v in rng.normal(size=28)] + [round(float(rng.random()) * 100, 2),
                                                                                   int(i % 5 == 0)] for i in range(150)])
    elif slug == "imdb_lstm_sigmoid_one_unit_24_classes":  # 41 features as word indices, 24 one-hot columns
        for part, count in (("train", 64), ("test", 32)):
            save(f"X_{part}.npy", rng.integers(0, 20000, (count, 41)))
            save(f"y_{part}.npy", onehot(count, 24))
    elif slug == "boston_input_shape_len_of_dataframe":  # the course's boston.csv: 13 features and medv
        columns = ["crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax", "ptratio", "b", "lstat",
                   "medv"]
        _csv(folder / "boston.csv", columns, rng.random((506, 14)).round(3))
    elif slug == "bilstm_return_sequences_onehot_2d_target":  # 15 time steps of 8 features, 2 classes
        save("x_train.npy", rng.random((40, 15, 8)).astype("float32"))
        save("y_train.npy", onehot(40, 2))
    elif slug == "simpsons_datagen_flow_python_lists":  # grey 80x80 images, 4 of each of 10 characters
        for c in range(10):
            for i in range(4):
                save(f"simpsons_dataset/character_{c:02d}/pic_{i:04d}.npy", np.zeros((80, 80), "uint8"))
    elif slug == "mnist_dense_predict_784x1_column":  # the drawn digit, 28x28 grey levels
        save("digit.npy", np.zeros((28, 28), "uint8"))
    elif slug == "conv1d_kfold_softmax3_integer_labels":  # 177 samples, an unused column, the class (0, 1, 2)
        rows = [[round(float(v), 3) for v in rng.random(178)] + [i % 3] for i in range(60)]
        np.savetxt(folder / "newda.csv", np.array(rows), delimiter=",", fmt="%g")
    elif slug == "flow_from_directory_default_256_input_shape_128":  # three classes of RGB images
        from PIL import Image

        for part in ("training_set", "test_set"):
            for cls in ("cats", "dogs", "pandas"):
                (folder / "dataset" / part / cls).mkdir(parents=True)
                for i in range(4):
                    Image.fromarray(np.zeros((300, 300, 3), "uint8")).save(folder / "dataset" / part / cls / f"{i}.png")
    elif slug == "mask_detector_predict_list_of_faces":  # two faces cut out of one frame, 224x224 RGB
        for i in range(2):
            save(f"frame_faces/face_{i}.npy", np.zeros((224, 224, 3), "float32"))
    elif slug == "countries_population_softmax_one_unit_sparse":  # gapminder: 12 years per country
        rows = [[name, continent, year, 60.0 + (year - 1952) / 5, 500000000 + 10000000 * (year - 1952), 1000.5]
                for name, continent in (("China", "Asia"), ("France", "Europe")) for year in range(1952, 2008, 5)]
        _csv(folder / "countries.csv", ["country", "continent", "year", "lifeExpectancy", "population",
                                        "gdpPerCapita"], rows)
    elif slug == "conv_autoencoder_23x23_output_20x20":  # 5207 GTEx profiles of 23*23 values (the script reshapes to 5207)
        save("GTEx_X_float64.npy", rng.random((5207, 529)))
    elif slug == "conv1d_on_2d_rows_input_dim_1":  # 252 features per sample, binary labels
        for part, count in (("train", 256), ("validation", 64)):
            save(f"{part}_data.npy", rng.random((count, 252)).astype("float32"))
            save(f"{part}_labels.npy", (np.arange(count) % 2).astype("float32"))
    elif slug == "dga_chars_whole_file_as_samples":  # one domain name a line, its class (18) in labels.csv
        names = ["google", "facebook", "xjwqplkz", "amazon", "qpzmxnbv", "wikipedia", "kdjfhgye", "yahoo"]
        for name, count in (("train.txt", 40), ("test.txt", 10)):
            (folder / name).write_text("\n".join(f"{names[i % 8]}{i}.com" for i in range(count)) + "\n")
        _csv(folder / "labels.csv", None, [[i % 18] for i in range(40)])
    elif slug == "lstm_input_shape_train_days_validation_test_days":  # rows: shop x day, columns: 12 items
        for part, days in (("train", 40), ("test", 8)):
            save(f"{part}_x.npy", rng.random((6 * days, 12)).astype("float32"))
            save(f"{part}_y.npy", rng.random((6 * days, 12)).astype("float32"))
    elif slug == "lstm_python_lists_of_windows":  # one candle vector of 10 values a line
        np.savetxt(folder / "VectoresVelas2017.txt", rng.random((60, 10)), delimiter=",", fmt="%.4f")
    elif slug == "conv_autoencoder_2049_rows_upsampled_to_2052":  # spectrograms of 2049 x 64
        import pickle

        for name in ("train_set2.pkl", "target_set2.pkl"):
            with open(folder / name, "wb") as f:
                pickle.dump([rng.random((2049, 64)).astype("float32") for _ in range(2)], f)
    elif slug == "mnist_csv_cnn_data_to_dense_baseline":  # Kaggle digit recognizer: label, pixel0..pixel783
        _csv(folder / "train.csv", ["label"] + [f"pixel{i}" for i in range(784)],
             [[i % 10] + [0] * 784 for i in range(100)])
    elif slug == "dense_on_mfcc_4d_onehot_target":  # MFCCs of 130 frames x 13 coefficients, 10 genres
        save("mfcc_train.npy", rng.random((40, 130, 13, 1)).astype("float32"))
        save("genre_train.npy", np.arange(40) % 10)
    elif slug == "dan_source_target_different_sample_counts":  # two domains of 32x32 RGB images, 10 classes
        for part, count in (("source", 40), ("target", 36)):
            save(f"{part}_x.npy", rng.random((count, 32, 32, 3)).astype("float32"))
            save(f"{part}_y.npy", (np.arange(count) % 10).reshape(-1, 1))
    elif slug == "conv_autoencoder_1x512_signal_channels_first":  # signals of 512 values
        save("signals.npy", rng.random((16, 512)).astype("float32"))
    elif slug == "guitar_chords_seven_folders_dense_6":  # 7 chord folders of grey images
        from PIL import Image

        for chord in ("A", "Am", "C", "D", "E", "Em", "G"):
            (folder / "chords" / chord).mkdir(parents=True)
            for i in range(5):
                Image.fromarray(np.zeros((200, 200), "uint8")).save(folder / "chords" / chord / f"{i}.png")
    elif slug == "sparse_ce_onehot_3570_labels":  # 79 features, one-hot labels of 3570 classes
        for part, count in (("train", 20), ("valid", 8)):
            save(f"x_{part}.npy", rng.random((count, 79)).astype("float32"))
            save(f"y_{part}.npy", onehot(count, 3570))
    elif slug == "conv_autoencoder_73x144_grid_decodes_76x140":  # 73 x 144 grids
        save("grids.npy", rng.random((8, 73, 144)).astype("float32"))
    elif slug == "cnn128_predict_raw_cv2_image":  # cats and dogs folders, one photo of 600 x 400
        for part in ("training", "test"):
            for animal in ("cats", "dogs"):
                images(f"dataset/{part}/{animal}", 5, (150, 150))
        import cv2

        (folder / "dataset/single_prediction").mkdir(parents=True)
        cv2.imwrite(str(folder / "dataset/single_prediction/image.jpg"), np.full((600, 400, 3), 128, "uint8"))
    elif slug == "santa_predict_cv2_image_without_batch_axis":  # a photo of 400 x 650
        import cv2

        cv2.imwrite(str(folder / "modi.jpg"), np.full((400, 650, 3), 128, "uint8"))
    elif slug == "fer2013_csv_onehot7_dense1":  # emotion, then 2304 pixel columns
        _csv(folder / "test.csv", ["emotion"] + [f"pixel{i}" for i in range(2304)],
             [[i % 7] + [100] * 2304 for i in range(40)])
    elif slug == "pickle_50x50_conv_no_flatten_binary":  # grey 50 x 50 images, 0/1 labels
        import pickle

        with open(folder / "x.pickle", "wb") as f:
            pickle.dump(rng.random((20, 50, 50)), f)
        with open(folder / "y.pickle", "wb") as f:
            pickle.dump(np.arange(20) % 2, f)
    elif slug == "efficientnet_image_dataset_batched_twice":  # insect classes in folders
        for part in ("trainbgr", "valbgr"):
            for c in range(4):
                images(f"classification/{part}/class_{c}", 2, (64, 64))
    elif slug == "flow_from_directory_binary_mode_three_classes":  # three classes in folders
        for part in ("train", "validation"):
            for c in ("a", "b", "c"):
                images(f"data/{part}/{c}", 4, (150, 150))
    elif slug == "ecg_dense_input_shape_x_train_shape":  # beats of 128 values in five groups
        with h5py.File(folder / "Dataset(Train).hdf5", "w") as f:
            for name in ("Normal", "Sup", "Ven", "Fusion", "Unknown"):
                f[name] = rng.random((8, 128)).astype("float32")
    elif slug == "state_farm_grey_images_channels_first_reshape":  # ten driver classes c0..c9
        for j in range(10):
            images(f"input/imgs/train/c{j}", 2, (640, 480))
    elif slug == "conv1d_input_shape_x_train_shape_csv":  # two features; labels one-hot of 3
        _csv(folder / "veriyeni1.csv", ["a", "b"], [[round(float(v), 3) for v in rng.random(2)] for _ in range(60)])
        _csv(folder / "veriyeni2.csv", ["c0", "c1", "c2"], [[int(i % 3 == k) for k in range(3)] for i in range(60)])
    elif slug == "conv1d_623_vectors_reshaped_1x24":  # 623 vectors of 24 values and a class
        np.savetxt(folder / "train.csv", np.hstack([rng.random((623, 24)), (np.arange(623) % 10)[:, None]]),
                   delimiter=",", fmt="%.4f")
    elif slug == "text_vectorizer_embedding_dense_no_pooling":  # disaster tweets: id, keyword, location, text, target
        words = ["fire", "forest", "happy", "flood", "sunny", "storm", "love", "crash"]
        _csv(folder / "train.csv", ["id", "keyword", "location", "text", "target"],
             [[i, "", "", " ".join(words[(i + k) % 8] for k in range(6)), i % 2] for i in range(40)])
    elif slug == "firenet_labels_list_validation_split":  # FireNet's image folders, a few images each
        images("Datasets/scrapped/All/Fire", 6, size=(80, 80))
        images("Datasets/scrapped/All/NoFire", 6, size=(80, 80))
    elif slug == "conv1d_dense_units_labels_shape_0":  # 80 traffic features and a class label
        _csv(folder / "traffic.csv", [f"f{i}" for i in range(80)] + ["label"],
             [[round(float(v), 3) for v in rng.random(80)] + [i % 5] for i in range(250)])
    elif slug == "disk_failure_lstm_data_reshaped_4d":  # disks x days x 94 SMART/performance/location attributes
        save("X.npy", rng.random((40, 12, 94)).astype("float32"))
        save("y.npy", (np.arange(40) % 2).astype("float32"))
    elif slug == "conv1d_signal_500_points_2d_input":  # 500-point signals, labels one-hot good/bad
        save("x_train.npy", rng.random((60, 500)).astype("float32"))
        save("x_test.npy", rng.random((20, 500)).astype("float32"))
        save("y_train.npy", onehot(60, 2))
        save("y_test.npy", onehot(20, 2))
    elif slug == "gtsrb_channels_last_input_shape_rolled_images":  # the notebook's X.h5 cache: colour axis first
        with h5py.File(folder / "X.h5", "w") as hf:
            hf.create_dataset("imgs", data=rng.random((120, 3, 48, 48)).astype("float32"))
            hf.create_dataset("labels", data=np.eye(43, dtype="uint8")[np.arange(120) % 43])
    elif slug == "image_clustering_resnet_predict_flattened_images":  # a folder of images to cluster
        images("data", 8, size=(120, 160))
    elif slug == "mobilenetv2_no_top_4d_output_onehot_7":  # 224x224 RGB images, 7 classes one-hot
        save("X.npy", rng.random((40, 224, 224, 3)).astype("float32"))
        save("Y.npy", onehot(40, 7))
    elif slug == "inception_finetune_dense_2_thirteen_class_folders":  # 13 class folders, train and validation
        for split in ("train", "validation"):
            for k in range(13):
                images(f"data/{split}/class{k:02d}", 2, size=(80, 80))
    elif slug == "inception_num_classes_counts_files_not_folders":  # 10 tomato disease folders
        for k in range(10):
            images(f"tomato/train/disease{k}", 3, size=(80, 80))
            images(f"tomato/valid/disease{k}", 2, size=(80, 80))
    elif slug == "license_plate_chars_dense_36_labels_27":  # index, p1..p784, y (labels 0..26), no Character
        _csv(folder / "image_data.csv", [""] + [f"p{i}" for i in range(1, 785)] + ["y"],
             [[i] + [round(float(v), 2) for v in rng.random(784)] + [i % 27] for i in range(120)])
    elif slug == "mobilenet_imagenet_top_binary_ce_folder_classes":  # two class folders, train and valid
        for split, count in (("train", 4), ("valid", 2)):
            for name in ("cat", "dog"):
                images(f"data/{split}/{name}", count, size=(120, 120))
    elif slug == "urbansound_mlp_3d_features_pretraining_evaluate":  # 99 frames x 32 coefficients, 31 labels
        save("x_train.npy", rng.random((64, 99, 32)).astype("float32"))
        save("x_test.npy", rng.random((16, 99, 32)).astype("float32"))
        save("y_train.npy", onehot(64, 31))
        save("y_test.npy", onehot(16, 31))
        save("yy.npy", onehot(80, 31))
    elif slug == "liveness_one_class_folder_onehot_two_columns":  # face crops gathered for one class only
        images("dataset/real", 12, size=(60, 60))
    elif slug == "xception_finetune_dense_2_binary_class_mode":  # two classes in train, test and validation
        for split in ("train", "test", "validation"):
            for name in ("benign", "malignant"):
                images(f"data/{split}/{name}", 3, size=(90, 90))
    elif slug == "inception_tutorial_dense_200_five_class_folders":  # the user's class folders (5 here)
        for k in range(5):
            images(f"data/train/class{k}", 3, size=(90, 90))
            images(f"data/validation/class{k}", 2, size=(90, 90))


# --------------------------------------------------------------------------- running under Keras 3
def _limit_training(keras) -> None:  # noqa: ANN001
    """``fit`` for real, one epoch of one step (``validation_steps=1``); ``evaluate`` and
    ``predict`` one step: every check Keras makes of the data, at a fraction of the time."""
    import inspect

    model = keras.Model
    fit, evaluate, predict = model.fit, model.evaluate, model.predict
    signatures = {f: inspect.signature(f) for f in (fit, evaluate, predict)}

    def limited(function, **limits):  # noqa: ANN001, ANN003, ANN202
        def method(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            bound = signatures[function].bind(self, *args, **kwargs)
            bound.arguments.update(limits)
            return function(*bound.args, **bound.kwargs)

        return method

    model.fit = limited(fit, epochs=1, initial_epoch=0, steps_per_epoch=1, validation_steps=1, verbose=0)
    model.evaluate = limited(evaluate, steps=1, verbose=0)
    model.predict = limited(predict, steps=1, verbose=0)


def run_batch(paths: list[str]) -> None:
    """Run scripts under Keras 3 in this process, one JSON line each on stdout."""
    import random
    import signal
    import traceback

    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras
    import numpy  # (imported before the shims, as the scripts import it)

    sys.path.insert(0, str(ROOT / "tests" / "realworld"))
    import shims

    shims._install_datasets()
    shims._install_get_file()
    shims._install_plot_model()
    _limit_training(keras)
    out = sys.stdout
    for path in paths:
        filename = str(Path(path).resolve())
        slug = Path(path).name.split(".")[0]

        def timeout(signum, frame):  # noqa: ANN001, ANN202
            raise TimeoutError(f"the script ran longer than {TIMEOUT} s")

        keras.backend.clear_session()
        # The same random state for every script, wherever it falls in the batches: Keras shuffles a
        # PyDataset's batches with Python's random, so which batch one step sees would otherwise vary.
        random.seed(0)
        numpy.random.seed(0)
        keras.config.set_image_data_format("channels_last")
        keras.config.set_floatx("float32")
        error = None
        source = Path(filename).read_text(encoding="utf-8")
        namespace = {"__name__": "__main__", "__file__": filename}
        saved_argv = sys.argv
        sys.argv = [filename]
        with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
            shims.start(Path(scratch))
            _data(slug, Path(scratch))
            signal.signal(signal.SIGALRM, timeout)
            signal.alarm(TIMEOUT)
            try:
                code = compile(source, filename, "exec")
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    exec(code, namespace)
            except BaseException as exc:  # noqa: BLE001  (what the script raised is the record)
                frames = traceback.extract_tb(exc.__traceback__)
                lines = [f.lineno for f in frames if f.filename == filename]
                line = lines[-1] if lines else None
                # Keras's own error: raised through Keras (whose traceback filtering may leave out
                # its innermost frames, as in a layer called by a subclassed model's ``call``),
                # not a missing file, a package or the time limit.
                in_keras = (any("/site-packages/keras/" in f.filename for f in frames)
                            or type(exc).__module__.startswith("keras")) and not isinstance(
                    exc, (OSError, ImportError, TimeoutError, MemoryError, KeyboardInterrupt, SystemExit))
                error = {"type": type(exc).__name__, "message": _message(exc), "line": line,
                         "code": source.splitlines()[line - 1].strip() if line else "",
                         "in_keras": in_keras}
            finally:
                signal.alarm(0)
                sys.argv = saved_argv
        out.write("\n" + json.dumps({"path": path, "error": error}) + "\n")
        out.flush()


def _message(exc: BaseException) -> str:
    text = re.sub(r"/[^\s()'\"]*/(site|dist)-packages/", "…/", str(exc))
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)  # Keras's bold
    return text.strip()[:600]


def _normalised(message: str) -> str:
    """A message without what changes from run to run: generated names' counters, addresses."""
    message = re.sub(r"\b([A-Za-z_]+)_\d+\b", r"\1_N", message)
    return re.sub(r"0x[0-9a-f]+", "0x…", message)


def run_all(slugs: list[str], jobs: int, batch: int) -> dict[str, dict | None]:
    """Every script of ``slugs`` under Keras 3: path -> the error it stopped on (None: it ran)."""
    paths = [str(script(s, fixed)) for s in slugs for fixed in (False, True)]
    batches = [paths[i : i + batch] for i in range(0, len(paths), batch)]
    env = dict(os.environ, KERAS_BACKEND="jax", MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    if "xla_backend_optimization_level" not in env.get("XLA_FLAGS", ""):
        env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0").strip()
    env.pop("CUDA_VISIBLE_DEVICES", None)
    env["JAX_PLATFORMS"] = "cpu"
    results: dict[str, dict | None] = {}
    running: list[tuple[subprocess.Popen, list[str]]] = []
    while batches or running:
        while batches and len(running) < jobs:
            chunk = batches.pop(0)
            command = [sys.executable, __file__, "run", *chunk]
            running.append((subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                             text=True, cwd=ROOT), chunk))
        process, chunk = running.pop(0)
        output, _ = process.communicate()
        done = {}
        for line in output.splitlines():
            if line.startswith('{"path"'):
                item = json.loads(line)
                done[item["path"]] = item["error"]
        for i, path in enumerate(chunk):
            if path not in done:  # the interpreter died on it: the rest in another process
                results[path] = {"type": "Crash", "message": "the interpreter died", "line": None, "code": "",
                                 "in_keras": False}
                if chunk[i + 1 :]:
                    batches.append(chunk[i + 1 :])
                break
            results[path] = done[path]
        print(f"{len(results)}/{len(paths)}", file=sys.stderr, flush=True)
    return results


def verdicts(slugs: list[str], results: dict[str, dict | None]) -> dict[str, dict]:
    """Per case: the buggy script's error and whether the case is kept (the reason if dropped)."""
    record: dict[str, dict] = {}
    for slug in slugs:
        buggy, fixed = results[str(script(slug, False))], results[str(script(slug, True))]
        entry: dict = {"source": script(slug, False).read_text(encoding="utf-8").splitlines()[0].lstrip("# "),
                       "buggy": buggy, "fixed": {"ran": fixed is None} if fixed is None else {"ran": False, "error": fixed}}
        if buggy is None:
            entry["dropped"] = "the buggy script runs to its end under Keras 3"
        elif not buggy["in_keras"] or not buggy["line"]:
            entry["dropped"] = f"the buggy script stops on an error that is not Keras's ({buggy['type']})"
        elif fixed is not None:
            entry["dropped"] = f"the fixed script raises too ({fixed['type']} at line {fixed['line']})"
        record[slug] = entry
    return record


def record(jobs: int, batch: int, check: bool) -> int:
    import keras

    slugs = cases()
    fresh = verdicts(slugs, run_all(slugs, jobs, batch))
    truth = {"keras_version": keras.__version__, "backend": "jax", "cases": fresh}
    if not check:
        TRUTH.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
        kept = [s for s, e in fresh.items() if "dropped" not in e]
        print(f"wrote {TRUTH}: {len(kept)} cases kept, {len(fresh) - len(kept)} dropped")
        for slug, entry in fresh.items():
            if "dropped" in entry:
                print(f"  dropped {slug}: {entry['dropped']}")
        return 0
    committed = json.loads(TRUTH.read_text())
    problems = []
    if committed["keras_version"] != keras.__version__:
        problems.append(f"recorded with Keras {committed['keras_version']}, running {keras.__version__}")
    if sorted(committed["cases"]) != slugs:
        problems.append(f"cases differ: recorded {sorted(committed['cases'])}, on disk {slugs}")
    for slug in slugs:
        old, new = committed["cases"].get(slug), fresh[slug]
        if old is None:
            continue
        if old.get("dropped") != new.get("dropped"):
            problems.append(f"{slug}: dropped {old.get('dropped')!r} then, {new.get('dropped')!r} now")
        for key in ("type", "line"):
            a, b = (old["buggy"] or {}).get(key), (new["buggy"] or {}).get(key)
            if a != b:
                problems.append(f"{slug}: buggy {key} {a!r} recorded, {b!r} now")
        a, b = (_normalised((e["buggy"] or {}).get("message", "")) for e in (old, new))
        if a != b:
            problems.append(f"{slug}: message differs:\n    recorded {a[:300]}\n    now      {b[:300]}")
        if old["fixed"]["ran"] != new["fixed"]["ran"]:
            problems.append(f"{slug}: fixed script ran {old['fixed']['ran']} recorded, {new['fixed']['ran']} now")
    for line in problems:
        print(line)
    print(f"{len(slugs)} cases re-recorded: {'the record holds' if not problems else f'{len(problems)} differences'}")
    return 1 if problems else 0


# --------------------------------------------------------------------------- measuring kerascheck
def evaluate() -> dict:
    """kerascheck on every kept case: what it found, its false errors, its own failures."""
    sys.path.insert(0, str(ROOT))
    from kerascheck.analysis import analyse_path

    truth = json.loads(TRUTH.read_text())
    result = {"keras_version": truth["keras_version"], "total": 0, "found": [], "missed": [], "false_errors": [],
              "internal": [], "dropped": {s: e["dropped"] for s, e in truth["cases"].items() if "dropped" in e}}
    for slug, entry in sorted(truth["cases"].items()):
        if "dropped" in entry:
            continue
        result["total"] += 1
        error = entry["buggy"]
        diagnostics = analyse_path(script(slug, False)).diagnostics
        errors = [d for d in diagnostics if d.severity == "error" and not d.code.startswith("KC0")]
        result["internal"] += [f"{slug}.py:{d.span.line}: {d.code} {d.message[:160]}" for d in diagnostics
                               if d.code.startswith("KC0")]
        said = [f"{d.span.line}: {d.code} {d.message[:200]}" for d in errors]
        said += [f"{d.span.line}: {d.code} (warning) {d.message[:200]}" for d in diagnostics if d.severity != "error"]
        if any(d.span.line == error["line"] for d in errors):
            result["found"].append(slug)
        else:
            result["missed"].append({"slug": slug, "line": error["line"], "code": error["code"],
                                     "keras": f"{error['type']}: {error['message'][:300]}", "kerascheck": said})
        for d in analyse_path(script(slug, True)).diagnostics:
            if d.code.startswith("KC0"):
                result["internal"].append(f"{slug}.fixed.py:{d.span.line}: {d.code} {d.message[:160]}")
            elif d.severity == "error":
                result["false_errors"].append(f"{slug}.fixed.py:{d.span.line}: {d.code} {d.message[:200]}")
    return result


def reads_files(slug: str) -> bool:
    """Whether the case reads its data from files (the recorder writes stand-ins of them), which
    kerascheck, reading only the script, knows no more about than about the user's."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # (a stand-in written with TensorFlow)
    with tempfile.TemporaryDirectory() as folder:
        _data(slug, Path(folder))
        return any(Path(folder).iterdir())


def measure(verbose: bool) -> int:
    result = evaluate()
    total, found = result["total"], len(result["found"])
    share = f"{found / total:.0%}" if total else "-"
    print(f"{total} training-time bugs from users' reports that Keras {result['keras_version']} raises "
          f"({len(result['dropped'])} reports dropped: not an error under Keras 3, or the fix does not run)")
    print(f"found (an error at the line Keras raised at): {found} of {total} ({share}); the issue asks for 80%")
    kept = [slug for slug in sorted(set(result["found"]) | {m["slug"] for m in result["missed"]})]
    from_files = {slug for slug in kept if reads_files(slug)}
    for label, group in (("data the script makes or loads from keras.datasets, NumPy, scikit-learn",
                          [s for s in kept if s not in from_files]),
                         ("data read from the user's files", sorted(from_files))):
        hits = sum(slug in result["found"] for slug in group)
        print(f"  of which {label}: {hits} of {len(group)}")
    print(f"false errors on the fixed scripts: {len(result['false_errors'])}")
    if result["internal"]:
        print(f"kerascheck's own failures (KC0xx): {len(result['internal'])}")
    if verbose:
        for miss in result["missed"]:
            print(f"\nmissed {miss['slug']}.py:{miss['line']}: {miss['code']}\n    Keras: {miss['keras']}")
            for line in miss["kerascheck"] or ["(nothing)"]:
                print(f"    kerascheck {line}")
        for slug, reason in result["dropped"].items():
            print(f"dropped {slug}: {reason}")
    for line in result["false_errors"]:
        print("false error", line)
    for line in result["internal"]:
        print("internal", line)
    return 0 if total and found >= TARGET * total and not result["false_errors"] else 1


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"]:
        run_batch(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="measure", choices=("record", "measure"))
    parser.add_argument("--check", action="store_true", help="record: compare with the committed record, write nothing")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "record":
        return record(args.jobs, args.batch, args.check)
    return measure(args.verbose)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
