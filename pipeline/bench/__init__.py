"""``factcheck bench``: the performance figures, each printed next to its target.

One module per figure: ``extraction`` (throughput against bare spaCy), ``warm`` (an
unchanged re-run against the CLI's start-up), ``probes`` (cold probe wall time against the
ideal for the machine's cores) and ``scale`` (time and memory per article on generated
corpora of growing size, and the speed-up of ``--jobs``). ``command`` runs the chosen
ones in turn. Nothing is imported here, so choosing one figure loads only what it needs.
"""
