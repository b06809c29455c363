"""Child-side code: run inside the probed interpreter, standard library only.

These files are shipped as package data and read as source text (or, for ``driver.py``,
executed as a script); the parent process never imports them. They may run on an older Python than factcheck
itself, hence ``typing.Dict`` and friends rather than ``dict[...]`` in their annotations.
"""
