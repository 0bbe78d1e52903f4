"""One family of errors for bad input, turned into one clear line by the CLI and the app."""
from __future__ import annotations

import re


class InputError(Exception):
    """A file or text that cannot be read.  ``str(err)`` is the one line users see."""

    def __init__(self, source: str, problem: str):
        # a file name that is not UTF-8 carries lone surrogates: printable only once replaced
        self.source = _printable(str(source))
        self.problem = _printable(str(problem))
        super().__init__(f"{self.source}: {self.problem}")

    def __reduce__(self):
        # pickled from a worker process: rebuild from (source, problem), not from args
        return (self.__class__, (self.source, self.problem))


def _printable(s: str) -> str:
    """Lone surrogates → U+FFFD, so the message can always be written as UTF-8."""
    return re.sub("[\ud800-\udfff]", "\ufffd", s)


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
