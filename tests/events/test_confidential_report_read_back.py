"""Issue 12 item 7: nobody files a report the access policy would then hide from them. A
contact function without the confidential permission is refused a confidential report with a
clear 403 (API) or form error (page); a holder of the permission files it and reads it back."""

import pytest

from samlad.accounts.models import User
from samlad.core.errors import NotPermitted
from samlad.events import services
from samlad.events.models import ActorReport

CONFIDENTIAL = {
    "situation": "Skyddsobjekt i Norsborg bevakas.",
    "classification": "confidential",
    "osl_reference": "OSL 18 kap. 1 §",
}


def reports_url(event) -> str:
    return f"/api/v1/events/{event.public_id}/reports/"


def test_a_contact_function_without_the_confidential_permission_is_refused_a_confidential_report(
    api_for, snowstorm
):
    response = api_for("polisen.kontakt").post(reports_url(snowstorm), CONFIDENTIAL, format="json")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "behörigheten att läsa sekretessuppgifter" in response.json()["detail"]
    assert not ActorReport.objects.filter(event=snowstorm).exists()


def test_a_holder_of_the_confidential_permission_files_a_confidential_report_and_reads_it_back(
    api_for, snowstorm
):
    User.objects.filter(username="polisen.kontakt").update(can_read_confidential=True)
    client = api_for("polisen.kontakt")

    filed = client.post(reports_url(snowstorm), CONFIDENTIAL, format="json")

    assert filed.status_code == 201, filed.json()
    read = client.get(f"{reports_url(snowstorm)}{filed.json()['id']}/")
    assert read.status_code == 200
    assert read.json()["situation"] == CONFIDENTIAL["situation"]


def test_the_report_form_refuses_a_confidential_report_with_the_reason(client_for, snowstorm):
    response = client_for("polisen.kontakt").post(
        f"/handelser/{snowstorm.public_id}/rapport/", CONFIDENTIAL
    )

    assert response.status_code == 403
    assert "behörigheten att läsa sekretessuppgifter" in response.content.decode()
    assert not ActorReport.objects.filter(event=snowstorm).exists()


def test_tib_cannot_record_a_restricted_report_for_another_actor_that_tib_could_not_read(
    snowstorm, user, actor
):
    with pytest.raises(NotPermitted, match="läsa rapporten"):
        services.file_report(
            by=user("tib"),
            event=snowstorm,
            for_actor=actor("varmdo"),
            situation="Muntligt: Värmdö stänger färjeläget.",
            classification="restricted",
        )
    assert not ActorReport.objects.filter(event=snowstorm).exists()
