#!/usr/bin/env python3
"""Writes Sources/BeaconServer/API/OpenAPIDocument+JSON.swift from docs/openapi.json (`make openapi`).

The server serves the document from the binary, so `beacon serve` needs no file beside it; a test checks that the
two are the same.
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
document = (root / "docs" / "openapi.json").read_text()
json.loads(document)  # refuse to embed a document that does not parse
assert '"""#' not in document
swift = (
    "// swift-format-ignore-file\n"
    "// Generated from docs/openapi.json by `make openapi`; edit that file, not this one.\n\n"
    "extension OpenAPIDocument {\n"
    "    /// The OpenAPI 3.1 description of the API, served at `/api/openapi.json`.\n"
    '    static let json = #"""\n' + document.rstrip("\n") + '\n"""#\n}\n'
)
(root / "Sources" / "BeaconServer" / "API" / "OpenAPIDocument+JSON.swift").write_text(swift)
