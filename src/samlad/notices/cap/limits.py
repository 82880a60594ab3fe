"""The size cap of a CAP alert sent to Samlad (upload page, API), applied while the body is read,
not after: a declared Content-Length over the cap is refused before any of the body is read, and
a body without one (or lying about it) is cut off as soon as it passes the cap."""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from samlad.notices.cap.parse import MAX_BYTES

# A multipart upload carries the file plus boundaries, headers and the CSRF field.
MULTIPART_SLACK = 64 * 1024
CHUNK = 64 * 1024


def declared_size(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


def declared_too_large(request, *, multipart: bool) -> bool:
    """The request says (Content-Length) it is larger than any acceptable alert."""
    size = declared_size(request)
    return size is not None and size > MAX_BYTES + (MULTIPART_SLACK if multipart else 0)


def read_capped(stream) -> bytes | None:
    """The stream's bytes, or None as soon as more than MAX_BYTES have come."""
    chunks, size = [], 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


class CappedUploadHandler(FileUploadHandler):
    """First of a request's upload handlers: stops reading a multipart body when an uploaded
    file passes MAX_BYTES (and says so in `exceeded`); until then it hands every chunk on."""

    exceeded = False

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_BYTES:
            self.exceeded = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def install_upload_cap(request) -> CappedUploadHandler:
    """Put the capped handler first on `request` (a Django request whose body is unread)."""
    handler = CappedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    return handler
