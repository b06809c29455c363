"""Child snippet for ``keras_backend.v1``: train a tiny Keras model on KERAS_BACKEND.

A backend Keras does not know (theano, cntk) makes ``import keras`` raise ValueError; that
rejection, with its message, is the observation. Keras itself missing is "not installed".
"""

import math
import os
from typing import Any, Dict, Optional, Tuple


def _import_keras(backend: str) -> Tuple[Any, Optional[Dict[str, Any]]]:
    try:
        import keras
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] == "keras":
            raise
        return None, {
            "backend": backend,
            "trained": False,
            "rejected": False,
            "missing_module": exc.name,
            "error": "%s: %s" % (type(exc).__name__, exc),
        }
    except Exception as exc:  # Keras raises ValueError for a backend name it does not support
        return None, {
            "backend": backend,
            "trained": False,
            "rejected": True,
            "error": "%s: %s" % (type(exc).__name__, exc),
        }
    return keras, None


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    backend = os.environ.get("KERAS_BACKEND", "")
    keras, failure = _import_keras(backend)
    if failure is not None:
        return failure
    import numpy as np

    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    features, targets = np.ones((8, 4), "float32"), np.ones((8, 1), "float32")
    history = model.fit(features, targets, epochs=1, steps_per_epoch=params.get("steps", 1), batch_size=8, verbose=0)
    loss = float(history.history["loss"][-1])
    return {
        "backend": backend,
        "active_backend": keras.backend.backend(),
        "trained": math.isfinite(loss),
        "rejected": False,
        "keras_version": keras.__version__,
    }
