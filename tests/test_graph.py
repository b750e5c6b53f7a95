"""``--graph``: each model as Graphviz DOT (what plot_model(show_shapes=True) draws), rendered by dot."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from kerascheck.analysis import analyse_path
from kerascheck.reporters.graph import to_dot

NESTED = ROOT / "fixtures" / "summary" / "functional_nested_sequential.py"
CHAIN = ROOT / "fixtures" / "summary" / "seed_conv_pool_dense.py"


def _model(path: Path, variable: str):  # noqa: ANN202
    return next(s for s in analyse_path(path).summaries if s.variable == variable)


def _labels(dot: str) -> dict[str, str]:
    return {node: label for node, label in re.findall(r'^\s*(n\d+) \[label="(.*)"\];$', dot, re.M)}


def _edges(dot: str, labels: dict[str, str]) -> set[tuple[str, str]]:
    name = {node: label.split("\\n")[0] for node, label in labels.items()}
    return {(name[a], name[b]) for a, b in re.findall(r"^\s*(n\d+) -> (n\d+);$", dot, re.M)}


def test_boxes_show_name_class_shape_and_parameters() -> None:
    dot = to_dot(_model(CHAIN, "model"))
    labels = list(_labels(dot).values())
    assert labels[0] == "input_layer\\nInputLayer\\n(None, 150, 150, 3)\\n0 params"
    assert "conv2d\\nConv2D\\n(None, 148, 148, 16)\\n448 params" in labels
    assert dot.startswith('digraph "functional" {')


def test_functional_edges_and_nested_model_as_a_cluster() -> None:
    dot = to_dot(_model(NESTED, "model"))
    labels = _labels(dot)
    edges = _edges(dot, labels)
    # Both inputs go through the shared Sequential, drawn as a cluster of its own layers.
    assert ("input_layer_1", "conv2d") in edges and ("input_layer_2", "conv2d") in edges
    assert ("global_average_pooling2d", "concatenate") in edges
    assert ("concatenate", "dense") in edges
    assert re.search(r'subgraph cluster_n\d+ \{\n\s+label="feature_extractor \(Sequential\)\\n\(None, 32\)";', dot)


def test_sequential_is_a_chain() -> None:
    summary = _model(NESTED, "feature_extractor")
    dot = to_dot(summary)
    edges = _edges(dot, _labels(dot))
    names = [row.name for row in summary.rows]
    assert edges == set(zip(names, names[1:]))


def test_cli_writes_dot_and_the_picture(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kerascheck", "--graph", str(tmp_path), str(NESTED)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    dots = ["functional_nested_sequential.feature_extractor.dot", "functional_nested_sequential.model.dot"]
    assert [n for n in written if n.endswith(".dot")] == dots
    if shutil.which("dot"):
        svg = (tmp_path / "functional_nested_sequential.model.svg").read_text()
        assert svg.lstrip().startswith(("<?xml", "<svg", "<!DOCTYPE"))
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert "concatenate" in texts and "(None, 64)" in texts and "feature_extractor (Sequential)" in texts


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_real_dot_accepts_every_fixture_graph(tmp_path: Path) -> None:
    for path in sorted((ROOT / "fixtures" / "summary").glob("*.py"))[:40]:
        for summary in analyse_path(path).summaries:
            dot_file = tmp_path / "g.dot"
            dot_file.write_text(to_dot(summary))
            subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(tmp_path / "g.svg")], check=True)



BRANCHES = ROOT / "fixtures" / "summary" / "error_merge_of_two_branches.py"


def _failing_nodes(dot: str) -> list[str]:
    return re.findall(r'^\s*(n\d+) \[label="[^"]*", style="rounded,dashed", color="red"', dot, re.M)


def test_a_model_that_does_not_build_is_drawn_as_far_as_it_builds() -> None:
    """Keras raises at the Concatenate; the fixture also binds ``branches``, a model of what builds
    before it (from the same input to the Concatenate's inputs), whose summary real Keras recorded.
    The failing model's graph is that part, box for box, then the failing call in red."""
    import json

    truth = json.loads(BRANCHES.with_suffix(".expected.json").read_text())
    assert truth["error"] is not None
    (branches,) = [m for m in truth["models"] if m["variable"] == "branches"]
    summary = _model(BRANCHES, "model")
    assert [row.class_name for row in summary.rows] == ["?"]  # the summary itself: unknown, never guessed
    dot = to_dot(summary)
    labels = dict(re.findall(r'^\s*(n\d+) \[label="([^"]*)"', dot, re.M))
    failing = _failing_nodes(dot)
    assert [labels[n] for n in failing] == ["concatenate\\nConcatenate\\ndoes not build"]
    built = [labels[n].split("\\n") for n in labels if n not in failing]
    assert [(name, cls) for name, cls, _, _ in built] == [(r["name"], r["class"]) for r in branches["layers"]]
    for (_, _, shape, params), row in zip(built, branches["layers"]):
        assert shape == "(" + ", ".join("None" if d is None else str(d) for d in row["output_shape"]) + ")"
        assert params == f"{row['params']:,} params"
    edges = _edges(dot, labels)
    fed = {a for a, b in edges if b == "concatenate"}
    assert fed == {"max_pooling2d", "conv2d_1"}


def test_each_failing_functional_model_of_the_fixes_is_drawn_with_its_failing_call() -> None:
    before = ROOT / "fixtures" / "fixes" / "dense_on_feature_map.py"
    summary = _model(before, "model")
    dot = to_dot(summary)
    labels = dict(re.findall(r'^\s*(n\d+) \[label="([^"]*)"', dot, re.M))
    names = {n: label.split("\\n")[0] for n, label in labels.items()}
    [failing] = _failing_nodes(dot)
    edges = _edges(dot, labels)
    assert {a for a, b in edges if b == names[failing]} == {"dropout", "dense_1"}
    # both inputs, nothing after the failing call
    assert sum(1 for label in labels.values() if "\\nInputLayer\\n" in label) == 2
    assert not any(a == names[failing] for a, _ in edges)
