"""Limits and decoding shared by every reader: what one file may cost us.

Checks here run before any parser sees the bytes, so one bad file cannot exhaust
memory or pass binary data off as text.  The limits are plain module-level
defaults that callers can override through :class:`Limits`.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import BinaryContentError, EmptyInputError, TooLargeError


@dataclass(frozen=True)
class Limits:
    """Per-file limits.  Sizes are in bytes."""

    max_file_bytes: int = 64 * 1024 * 1024        # 64 MiB on disk
    max_text_chars: int = 64 * 1024 * 1024        # decoded text
    max_paragraphs: int = 20_000


DEFAULT_LIMITS = Limits()


def check_size(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    if not data:
        raise EmptyInputError(source, "the file is empty")
    if len(data) > limits.max_file_bytes:
        raise TooLargeError(
            source,
            f"the file is {len(data) / 1_048_576:.1f} MiB, over the "
            f"{limits.max_file_bytes / 1_048_576:.0f} MiB limit",
        )


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many zero bytes on one side of each pair."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16/32, else Windows-1252.

    Refuses binary data that merely carries a text extension.
    """
    check_size(data, source, limits)
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    encoding = encoding or _looks_utf16(data)
    if encoding is None:
        if b"\x00" in data[:65536]:
            raise BinaryContentError(source, "binary data, not text (wrong file or extension?)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BinaryContentError(source, f"not valid {encoding} text ({exc.reason})") from None
    text = text.lstrip("\ufeff")
    if len(text) > limits.max_text_chars:
        raise TooLargeError(source, f"the text has {len(text):,} characters, over the {limits.max_text_chars:,} limit")
    _refuse_control_heavy(text, source)
    if not text.strip():
        raise EmptyInputError(source, "the file contains no text")
    return text


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _refuse_control_heavy(text: str, source: str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > 0.02:
        raise BinaryContentError(source, "binary data, not text (wrong file or extension?)")
