"""Child snippet for ``package_metadata.v1``: an installed distribution's core metadata.

Returns the raw fields; the parent derives the SPDX id, the Python versions and the
organisation, so that logic is tested once, not per interpreter.
"""

import importlib.metadata
from typing import Any, Dict, Optional, Tuple

LICENSE_TEXT_LIMIT = 12000


def _text(metadata: Any, key: str) -> Optional[str]:
    value = metadata.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _main_license_text(distribution: Any, metadata: Any) -> Tuple[Optional[str], Optional[str]]:
    # The distribution's own license is the License-File at the top level; the others
    # (third_party/...) are bundled components.
    for name in metadata.get_all("License-File") or []:
        if "/" in name:
            continue
        for candidate in ("licenses/" + name, name):
            text = distribution.read_text(candidate)
            if text:
                return name, " ".join(text.split())[:LICENSE_TEXT_LIMIT]
    return None, None


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    distribution = importlib.metadata.distribution(params["distribution"])
    metadata: Any = distribution.metadata  # an email.message.Message underneath
    classifiers = metadata.get_all("Classifier") or []
    urls = {}
    for entry in metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip()] = url.strip()
    license_file, license_text = _main_license_text(distribution, metadata)
    license_field = _text(metadata, "License")
    return {
        "distribution": metadata.get("Name"),
        "version": metadata.get("Version"),
        "license": license_field[:200] if license_field else None,
        "license_expression": _text(metadata, "License-Expression"),
        "license_classifiers": sorted(c for c in classifiers if c.startswith("License ::")),
        "license_file": license_file,
        "license_file_text": license_text,
        "requires_python": _text(metadata, "Requires-Python"),
        "python_classifiers": sorted(c for c in classifiers if c.startswith("Programming Language :: Python ::")),
        "author": _text(metadata, "Author"),
        "author_email": _text(metadata, "Author-email"),
        "maintainer": _text(metadata, "Maintainer"),
        "maintainer_email": _text(metadata, "Maintainer-email"),
        "home_page": _text(metadata, "Home-page"),
        "project_urls": urls,
    }
