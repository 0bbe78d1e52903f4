"""One family of errors for bad input, turned into one clear line by the CLI and the app."""
from __future__ import annotations


class InputError(Exception):
    """A file or text that cannot be read.  ``str(err)`` is the one line users see."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class MissingFileError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class CorruptFileError(InputError):
    pass


class BinaryContentError(InputError):
    pass


class TooLargeError(InputError):
    pass


class EncryptedFileError(InputError):
    pass


class NoTextLayerError(InputError):
    pass
