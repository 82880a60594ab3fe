"""CAP alerts arrive as raw XML bodies; the import reads the bytes itself (safely)."""

from rest_framework.parsers import BaseParser


class _RawXml(BaseParser):
    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        return stream.read() if stream is not None else b""


class CapXmlParser(_RawXml):
    media_type = "application/cap+xml"


class XmlParser(_RawXml):
    media_type = "application/xml"


class TextXmlParser(_RawXml):
    media_type = "text/xml"


CAP_PARSERS = [CapXmlParser, XmlParser, TextXmlParser]
