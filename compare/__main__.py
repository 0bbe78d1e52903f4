"""``python -m compare``: the command line as one short-lived process.

Two start-up settings belong to the process, not to the library (the app and the
tests import :mod:`compare.cli` without them):

- one OpenBLAS thread, set before numpy loads: the alignment's matrix product already
  runs on one BLAS thread, and the second thread OpenBLAS starts at import spins on
  the other core (~80 ms of CPU per process, wall time too beside a busy neighbour).
  A user's own ``OPENBLAS_NUM_THREADS`` / ``OMP_NUM_THREADS`` is kept;
- no collection at exit: ``gc.freeze()`` before leaving, so the interpreter does not
  walk every object of numpy, our modules and the comparison to free memory the
  operating system frees anyway (10–20 ms).  Files, stdout and atexit handlers are
  closed and run as before.
"""
import gc
import os
import sys

if "OPENBLAS_NUM_THREADS" not in os.environ and "OMP_NUM_THREADS" not in os.environ:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"

from .cli import main  # noqa: E402  (after the thread setting: numpy may load with it)

rc = main()
gc.freeze()
sys.exit(rc)
