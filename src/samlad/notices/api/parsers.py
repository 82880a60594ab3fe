"""CAP alerts arrive as raw XML bodies; the import reads the bytes itself (safely), at most
MAX_BYTES of them: a larger body is refused (413) while it is read, not after."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from rest_framework.parsers import BaseParser

from samlad.notices.cap.limits import read_capped
from samlad.notices.cap.parse import MAX_BYTES


class ContentTooLarge(APIException):
    status_code = 413
    default_code = "too_large"

    def __init__(self):
        super().__init__(_("The document is larger than %(limit)s bytes.") % {"limit": MAX_BYTES})


class _RawXml(BaseParser):
    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        if stream is None:
            return b""
        data = read_capped(stream)
        if data is None:
            raise ContentTooLarge
        return data


class CapXmlParser(_RawXml):
    media_type = "application/cap+xml"


class XmlParser(_RawXml):
    media_type = "application/xml"


class TextXmlParser(_RawXml):
    media_type = "text/xml"


CAP_PARSERS = [CapXmlParser, XmlParser, TextXmlParser]
