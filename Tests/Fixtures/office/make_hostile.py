#!/usr/bin/env python3
"""Writes the hostile Word files the reader must refuse with a clear error (never a crash or a hang).

Usage: make_hostile.py OUT_DIR GOOD.docx. The zip writer is our own, so that names, flags and declared
sizes can say what a well-behaved writer never would.
"""
import struct
import sys
import zlib
from pathlib import Path

out = Path(sys.argv[1])
good = Path(sys.argv[2]).read_bytes()
out.mkdir(parents=True, exist_ok=True)

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document(body):
    return b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W + b"><w:body>" + body + b"</w:body></w:document>"


def zipfile(entries, eocd_count=None):
    """entries: (name, data, dict(flags=, declared=, compress=)). Returns the zip bytes."""
    local = b""
    central = b""
    for name, data, opts in entries:
        raw = name.encode()
        compress = opts.get("compress", True)
        payload = zlib.compress(data, 9)[2:-4] if compress else data
        method = 8 if compress else 0
        crc = zlib.crc32(data) & 0xFFFFFFFF
        size = opts.get("declared", len(data))
        flags = opts.get("flags", 0x0800)
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(payload), size,
                             len(raw), 0) + raw + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 20, flags, method, 0, 0x21, crc,
                               len(payload), size, len(raw), 0, 0, 0, 0, 0o100644 << 16, offset) + raw
    count = len(entries) if eocd_count is None else eocd_count
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(local), 0)
    return local + central + eocd


def package(doc, extra=()):
    return zipfile([("[Content_Types].xml", CONTENT_TYPES, {}), ("word/document.xml", doc, {})] + list(extra))


para = b"<w:p><w:r><w:t>1. Nhiem vu</w:t></w:r></w:p>"
files = {}
# Zip bombs: 10 MB of one byte (compressed a thousand times); the same with a directory that claims
# 100 bytes; a directory that claims 5,000 entries; an entry that claims 2 GB.
zeros = document(b"<w:p><w:r><w:t>" + b"a" * (10 << 20) + b"</w:t></w:r></w:p>")
files["bomb-ratio.docx"] = package(zeros)
files["bomb-lying-size.docx"] = zipfile(
    [("[Content_Types].xml", CONTENT_TYPES, {}), ("word/document.xml", zeros, {"declared": 100})])
files["bomb-entries.docx"] = zipfile(
    [("[Content_Types].xml", CONTENT_TYPES, {}), ("word/document.xml", document(para), {})], eocd_count=5000)
files["bomb-declared-size.docx"] = zipfile(
    [("[Content_Types].xml", CONTENT_TYPES, {}), ("word/document.xml", document(para), {"declared": 2_000_000_000})])
# XML with a DTD: entity expansion ("billion laughs") and an external entity.
laughs = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
          + b']><w:document ' + W + b"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
files["dtd-entities.docx"] = package(laughs)
xxe = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document '
       + W + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
files["dtd-external.docx"] = package(xxe)
# Entry names leaving the package.
files["entry-dotdot.docx"] = package(document(para), [("../../evil.sh", b"echo", {})])
files["entry-absolute.docx"] = package(document(para), [("/tmp/evil.sh", b"echo", {})])
# Encrypted: a zip entry with the encryption flag; an OLE2 container holding EncryptionInfo (how Office
# stores a password-protected .docx).
files["encrypted-zip.docx"] = zipfile(
    [("[Content_Types].xml", CONTENT_TYPES, {}), ("word/document.xml", document(para), {"flags": 0x0801})])
ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
entry = "EncryptionInfo".encode("utf-16-le")
ole += entry + b"\0" * (128 - len(entry)) + "EncryptedPackage".encode("utf-16-le") + b"\0" * 352
files["encrypted-ole2.docx"] = bytes(ole)
# Offsets that point outside the file: a local header past the end (a fuzzer's find), and a ZIP64 locator
# whose record would move the central directory anywhere.
good_zip = package(document(para))
cd = good_zip.rindex(b"PK\x01\x02")
files["entry-past-end.docx"] = good_zip[: cd + 42] + struct.pack("<I", 0xC307FFFF) + good_zip[cd + 46 :]
eocd = good_zip.rindex(b"PK\x05\x06")
locator = struct.pack("<IIQI", 0x07064B50, 0, 0x7FFFFFFFFFFF, 1)
files["zip64-locator.docx"] = good_zip[:eocd] + locator + good_zip[eocd:]
# Something else named .docx: plain text, a zip of other things, a truncated package, broken XML.
files["text-named.docx"] = "1. Nhiệm vụ\n- Chủ trì: Sở Tài chính\n".encode()
files["other-zip.docx"] = zipfile([("readme.txt", b"not a document", {})])
files["truncated.docx"] = good[: len(good) // 2]
files["broken-xml.docx"] = package(document(b"<w:p><w:r><w:t>1. Nhiem vu</w:t></w:p>"))
# A damaged declaration naming another encoding: libxml2's converters crashed on it (found by fuzzing).
files["encoding-utf7.docx"] = package(b'<?xml version="1.0" encoding="UTF7"\x07' + document(para)[38:])

for name, data in files.items():
    (out / name).write_bytes(data)
