"""Child snippet for ``benchmark.v1``: time training steps of a small MLP and CNN.

``params.variant`` picks the implementation: ``pytorch`` (a plain training loop),
``tensorflow`` (tf.Variable weights, a tf.function step with GradientTape, no Keras) or
``keras`` (``train_on_batch`` on whatever KERAS_BACKEND names). All use the same shapes,
synthetic data, cross-entropy loss and SGD. After ``warmup`` untimed steps (tracing and
JIT compilation happen there), ``repeats`` blocks of ``steps`` steps are timed; the
observation is the seconds per step of each block.
"""

import os
import platform
import time
from typing import Any, Callable, Dict, List


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _pytorch_step(model_name: str, p: Dict[str, Any]) -> Callable[[], float]:
    import torch

    torch.manual_seed(0)
    size, classes = p["image_size"], p["classes"]
    if model_name == "mlp":
        layers = [
            torch.nn.Linear(p["features"], p["hidden"]),
            torch.nn.ReLU(),
            torch.nn.Linear(p["hidden"], p["hidden"]),
            torch.nn.ReLU(),
            torch.nn.Linear(p["hidden"], classes),
        ]
        inputs = torch.randn(p["batch_size"], p["features"])
    else:
        layers = [
            torch.nn.Conv2d(1, p["filters"], 3, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
            torch.nn.Flatten(),
            torch.nn.Linear(p["filters"] * (size // 2) ** 2, classes),
        ]
        inputs = torch.randn(p["batch_size"], 1, size, size)
    model = torch.nn.Sequential(*layers)
    labels = torch.randint(0, classes, (p["batch_size"],))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step() -> float:
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), labels)
        loss.backward()
        optimizer.step()
        return float(loss.detach())

    return step


def _tensorflow_step(model_name: str, p: Dict[str, Any]) -> Callable[[], float]:
    import tensorflow as tf

    tf.random.set_seed(0)
    size, classes, hidden, filters = p["image_size"], p["classes"], p["hidden"], p["filters"]

    def weight(*shape: int) -> Any:
        return tf.Variable(tf.random.normal(shape, stddev=0.1))

    if model_name == "mlp":
        weights = [
            weight(p["features"], hidden),
            weight(hidden),
            weight(hidden, hidden),
            weight(hidden),
            weight(hidden, classes),
            weight(classes),
        ]
        inputs = tf.random.normal([p["batch_size"], p["features"]])

        def forward(x: Any) -> Any:
            x = tf.nn.relu(x @ weights[0] + weights[1])
            x = tf.nn.relu(x @ weights[2] + weights[3])
            return x @ weights[4] + weights[5]
    else:
        flat = filters * (size // 2) ** 2
        weights = [weight(3, 3, 1, filters), weight(filters), weight(flat, classes), weight(classes)]
        inputs = tf.random.normal([p["batch_size"], size, size, 1])

        def forward(x: Any) -> Any:
            x = tf.nn.relu(tf.nn.conv2d(x, weights[0], 1, "SAME") + weights[1])
            x = tf.reshape(tf.nn.max_pool2d(x, 2, 2, "VALID"), [x.shape[0], -1])
            return x @ weights[2] + weights[3]

    labels = tf.random.uniform([p["batch_size"]], 0, classes, dtype=tf.int32)

    @tf.function
    def train_step() -> Any:
        with tf.GradientTape() as tape:
            logits = forward(inputs)
            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
        for variable, gradient in zip(weights, tape.gradient(loss, weights)):
            variable.assign_sub(0.01 * gradient)
        return loss

    return lambda: float(train_step())


def _keras_step(model_name: str, p: Dict[str, Any]) -> Callable[[], float]:
    import keras
    import numpy as np

    keras.utils.set_random_seed(0)
    size, classes = p["image_size"], p["classes"]
    generator = np.random.default_rng(0)
    if model_name == "mlp":
        layers = [
            keras.Input((p["features"],)),
            keras.layers.Dense(p["hidden"], activation="relu"),
            keras.layers.Dense(p["hidden"], activation="relu"),
            keras.layers.Dense(classes),
        ]
        inputs = generator.standard_normal((p["batch_size"], p["features"]), dtype="float32")
    else:
        layers = [
            keras.Input((size, size, 1)),
            keras.layers.Conv2D(p["filters"], 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(),
            keras.layers.Dense(classes),
        ]
        inputs = generator.standard_normal((p["batch_size"], size, size, 1), dtype="float32")
    model = keras.Sequential(layers)
    model.compile(
        optimizer=keras.optimizers.SGD(0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    )
    labels = generator.integers(0, classes, p["batch_size"]).astype("int32")
    return lambda: float(np.asarray(model.train_on_batch(inputs, labels)).ravel()[0])


StepBuilder = Callable[[str, Dict[str, Any]], Callable[[], float]]
BUILDERS: Dict[str, StepBuilder] = {"pytorch": _pytorch_step, "tensorflow": _tensorflow_step, "keras": _keras_step}


def _time_model(build: StepBuilder, model_name: str, p: Dict[str, Any]) -> List[float]:
    step = build(model_name, p)
    for _ in range(p["warmup"]):
        step()
    blocks = []
    for _ in range(p["repeats"]):
        started = time.perf_counter()
        for _ in range(p["steps"]):
            step()  # each step returns a Python float, so the work has finished
        blocks.append((time.perf_counter() - started) / p["steps"])
    return blocks


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    started = time.perf_counter()
    build = BUILDERS[params["variant"].split("[")[0]]
    step_seconds = {name: _time_model(build, name, params) for name in params["models"]}
    return {
        "variant": params["variant"],
        # Building, tracing and compiling included: what the benchmark costs a probe run.
        "elapsed_s": round(time.perf_counter() - started, 3),
        "keras_backend": os.environ.get("KERAS_BACKEND") if params["variant"].startswith("keras") else None,
        "step_seconds": step_seconds,
        "machine": {"cpu": _cpu(), "logical_cores": os.cpu_count()},
    }
