"""Open an export's bytes (.xml, .gz, .zip), refuse a DOCTYPE and drop XML-illegal characters."""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from silkwire.ingest.wordpress.chars import ILLEGAL_UTF8_RE, illegal_xml_refs
from silkwire.ingest.wordpress.wxr_model import WXRError, WXRSecurityError

# XML 1.0 forbids every C0 control except tab, newline and carriage return.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROL_RE = re.compile(b"[" + re.escape(_CONTROL_BYTES) + b"]")
_READ_SIZE = 1 << 16
MAX_PROLOG_BYTES = 1 << 20


@dataclass
class ScrubLog:
    """Where control characters were removed: the count and the first offsets."""

    count: int = 0
    offsets: list[int] = field(default_factory=list)

    def add(self, offset: int) -> None:
        self.count += 1
        if len(self.offsets) < 20:
            self.offsets.append(offset)


class _ScrubbingReader(io.RawIOBase):
    """Read bytes, refuse a DOCTYPE in the prolog and drop XML-illegal control characters."""

    def __init__(self, raw: BinaryIO, name: str, log: ScrubLog, max_bytes: int | None) -> None:
        self._raw = raw
        self._name = name
        self._log = log
        self._max_bytes = max_bytes
        self._offset = 0  # bytes consumed from raw
        self._carry = b""
        self._prolog_done = False
        self._prolog = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # pragma: no cover - lxml uses read()
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        while True:
            chunk = self._raw.read(_READ_SIZE if size is None or size < 0 else max(size, 4096))
            start = self._offset - len(self._carry)
            self._offset += len(chunk)
            if self._max_bytes is not None and self._offset > self._max_bytes:
                raise WXRError(
                    f"{self._name}: more than {self._max_bytes} bytes once uncompressed; "
                    "raise SILKWIRE_WXR_MAX_BYTES or split the export (wp export --max_file_size)."
                )
            data = self._carry + chunk
            self._carry = b""
            if chunk:
                # Keep a possible character reference split across reads for the next round.
                amp = data.rfind(b"&", max(0, len(data) - 16))
                if amp != -1 and b";" not in data[amp:]:
                    self._carry = data[amp:]
                    data = data[:amp]
                # Likewise the start of a three-byte sequence (U+FFFE, a surrogate) cut in two.
                elif data[-1:] in (b"\xef", b"\xed") or data[-2:-1] in (b"\xef", b"\xed"):
                    cut = -1 if data[-1:] in (b"\xef", b"\xed") else -2
                    self._carry = data[cut:]
                    data = data[:cut]
            if not self._prolog_done:
                self._check_prolog(data, at_eof=not chunk)
            data = self._scrub(data, start)
            if data or not chunk:
                return data

    def _check_prolog(self, data: bytes, at_eof: bool = False) -> None:
        self._prolog += data
        text = self._prolog
        pos = 0
        if text.startswith(b"\xef\xbb\xbf"):
            pos = 3
        elif text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise WXRError(f"{self._name}: UTF-16 export; convert it to UTF-8 first (iconv).")
        while True:
            while pos < len(text) and text[pos : pos + 1] in b" \t\r\n":
                pos += 1
            if pos >= len(text):
                break
            if len(text) - pos < 9 and not at_eof:
                break  # "<!--" or "<!DOCTYPE" may be cut by the read: wait for more bytes
            if text.startswith(b"<?", pos):
                end, closer = text.find(b"?>", pos + 2), 2
            elif text.startswith(b"<!--", pos):
                end, closer = text.find(b"-->", pos + 4), 3
            elif text[pos : pos + 9].upper() == b"<!DOCTYPE" or text.startswith(b"<!", pos):
                raise WXRSecurityError(
                    f"{self._name}: refused — the export declares a DOCTYPE at byte {pos}. "
                    "WordPress never writes one; a DOCTYPE is how entity-expansion bombs and "
                    "external-entity (XXE) attacks start. Remove it if the file is genuine."
                )
            else:
                self._prolog_done = True
                self._prolog = b""
                return
            if end == -1:
                break
            pos = end + closer
        if len(self._prolog) > MAX_PROLOG_BYTES:
            raise WXRError(f"{self._name}: no root element in the first {MAX_PROLOG_BYTES} bytes.")

    def _scrub(self, data: bytes, start: int) -> bytes:
        cleaned = data.translate(None, _CONTROL_BYTES)
        if len(cleaned) != len(data):
            for match in _CONTROL_RE.finditer(data):
                self._log.add(start + match.start())
            data = cleaned
        # U+FFFE, U+FFFF and surrogates, raw (bytes) or as references: XML forbids them too.
        if b"\xef\xbf" in data or b"\xed" in data:
            spans = [m.span() for m in ILLEGAL_UTF8_RE.finditer(data)]
            data = self._cut(data, spans, start)
        if b"&#" in data:
            data = self._cut(data, illegal_xml_refs(data), start)
        return data

    def _cut(self, data: bytes, spans: list[tuple[int, int]], start: int) -> bytes:
        if not spans:
            return data
        parts, last = [], 0
        for begin, end in spans:
            self._log.add(start + begin)
            parts.append(data[last:begin])
            last = end
        parts.append(data[last:])
        return b"".join(parts)


def open_export(path: str | Path, max_bytes: int | None = None) -> Iterator[tuple[str, BinaryIO]]:
    """Yield ``(name, binary stream)`` for each WXR document in ``.xml``, ``.xml.gz`` or ``.zip``."""
    path = Path(path)
    if not path.exists():
        raise WXRError(
            f"{path}: no such file; give the path of a WordPress export (Tools → Export)."
        )
    lower = path.name.lower()
    if lower.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield str(path), fh  # type: ignore[misc]
    elif lower.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            members = sorted(n for n in archive.namelist() if n.lower().endswith(".xml"))
            if not members:
                raise WXRError(f"{path}: the zip holds no .xml export.")
            for member in members:
                info = archive.getinfo(member)
                # Compression bomb guard (docs/import-notes.md D.4): at most 100x.
                if info.compress_size and info.file_size > 100 * info.compress_size + (1 << 20):
                    raise WXRSecurityError(
                        f"{path}!{member}: refused — expands {info.file_size // max(1, info.compress_size)}x; "
                        "unzip it yourself if it is genuine."
                    )
                with archive.open(member) as fh:
                    yield f"{path}!{member}", fh  # type: ignore[misc]
    else:
        with path.open("rb") as fh:
            yield str(path), fh
