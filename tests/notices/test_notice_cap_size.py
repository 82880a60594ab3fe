"""The CAP import's size cap is applied while the body is read (issue 11, finding 8): a body that
says it is larger than the cap is refused with 413 before any of it is read, on the API and on
the upload page; an oversized file in an upload is refused too."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from samlad.notices.cap.parse import MAX_BYTES
from samlad.notices.models import Notice

HUGE = 20 * MAX_BYTES


class BodyStream:
    """A request body of `size` bytes that counts how much of it the server read."""

    def __init__(self, size: int):
        self.left = size
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        size = self.left if size is None or size < 0 else min(size, self.left)
        self.left -= size
        self.read_bytes += size
        return b" " * size

    def readline(self, size: int = -1) -> bytes:
        return self.read(1 if size is None or size < 0 else min(size, 1))


def huge_body(content_type: str) -> tuple[BodyStream, dict]:
    stream = BodyStream(HUGE)
    return stream, {"wsgi.input": stream, "CONTENT_LENGTH": str(HUGE), "CONTENT_TYPE": content_type}


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_an_oversized_api_body_is_refused_before_it_is_read(user):
    stream, environ = huge_body("application/cap+xml")
    response = api(user("nacka.kontakt")).generic("POST", "/api/v1/cap/import/", **environ)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/problem+json")
    assert str(MAX_BYTES) in response.json()["detail"]
    assert stream.read_bytes == 0


def test_an_oversized_multipart_api_upload_is_refused_before_it_is_read(user):
    stream, environ = huge_body("multipart/form-data; boundary=xyz")
    response = api(user("nacka.kontakt")).generic("POST", "/api/v1/cap/import/", **environ)
    assert response.status_code == 413
    assert stream.read_bytes == 0


def test_an_oversized_page_upload_is_refused_before_it_is_read(client_for):
    stream, environ = huge_body("multipart/form-data; boundary=xyz")
    response = client_for("nacka.kontakt").generic("POST", reverse("notices:cap_import"), **environ)
    assert response.status_code == 413
    assert str(MAX_BYTES) in response.content.decode().replace("\u00a0", "").replace(" ", "")
    assert stream.read_bytes == 0


def test_an_uploaded_file_over_the_cap_is_refused(client_for, user):
    before = Notice.objects.count()
    upload = SimpleUploadedFile("alert.xml", b"<" + b"a" * MAX_BYTES + b"/>")
    response = client_for("nacka.kontakt").post(reverse("notices:cap_import"), {"file": upload})
    assert response.status_code == 413
    upload.seek(0)
    answer = api(user("nacka.kontakt")).post(
        "/api/v1/cap/import/", {"file": upload}, format="multipart"
    )
    assert answer.status_code == 413
    assert Notice.objects.count() == before
