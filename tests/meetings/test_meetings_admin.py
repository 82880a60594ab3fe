"""Meetings and action items in the technical admin (issue 11, finding 4): only looked up, through
the access policy, with confidential meetings left out (they are read on the meeting pages, where
the read is logged), without the conference PIN or the secrecy provision, and never deleted."""

import pytest
from meeting_helpers import COORDINATION_GROUP

from samlad.meetings import services
from samlad.meetings.models import ActionItem, Meeting


@pytest.fixture
def platform_admin(user, client_for):
    """TiB (Länsstyrelsen, may read confidential) as a platform administrator in the admin."""
    account = user("tib")
    account.is_superuser = True
    account.save(update_fields=["is_superuser"])
    return client_for("tib")


@pytest.fixture
def outside_admin(user, client_for):
    """Nacka's contact as a platform administrator: the coordination group's restricted
    meetings are not shared with Nacka."""
    account = user("nacka.kontakt")
    account.is_superuser = True
    account.save(update_fields=["is_superuser"])
    return client_for("nacka.kontakt")


@pytest.fixture
def meetings(plan, user, actor):
    open_meeting = plan(COORDINATION_GROUP, title="Veckomöte", bridge_pin="4711")
    confidential = plan(
        COORDINATION_GROUP,
        title="Skydd av objekt X",
        classification="confidential",
        osl_reference="OSL 18 kap. 13 §",
        shared_with=[actor("lansstyrelsen")],
        bridge_pin="8642",
    )
    restricted = plan(COORDINATION_GROUP, title="Intern genomgång", classification="restricted")
    for meeting in (open_meeting, confidential, restricted):
        services.add_action(
            by=user("rsib"),
            meeting=meeting,
            actor=actor("polisen"),
            text=f"Åtgärd från {meeting.title}",
        )
    return open_meeting, confidential, restricted


def test_the_admin_lists_only_meetings_the_policy_shows_and_no_confidential_one(
    platform_admin, outside_admin, meetings
):
    page = platform_admin.get("/admin/meetings/meeting/").content.decode()
    assert "Veckomöte" in page
    assert "Intern genomgång" in page  # restricted, Länsstyrelsen's own
    assert "Skydd av objekt X" not in page  # confidential: read where reads are logged
    page = outside_admin.get("/admin/meetings/meeting/").content.decode()
    assert "Veckomöte" in page
    assert "Intern genomgång" not in page  # restricted to other actors


def test_a_confidential_meeting_cannot_be_opened_in_the_admin(platform_admin, meetings):
    _, confidential, _ = meetings
    response = platform_admin.get(f"/admin/meetings/meeting/{confidential.pk}/change/")
    assert response.status_code == 302  # "no such meeting", back to the list
    assert "8642" not in platform_admin.get(response["Location"]).content.decode()


def test_a_meeting_in_the_admin_shows_neither_pin_nor_secrecy_provision(platform_admin, meetings):
    open_meeting, _, _ = meetings
    page = platform_admin.get(f"/admin/meetings/meeting/{open_meeting.pk}/change/")
    assert page.status_code == 200
    assert "Veckomöte" in page.content.decode()
    assert "4711" not in page.content.decode()
    assert "osl_reference" not in page.content.decode()


def test_action_items_of_confidential_or_hidden_meetings_are_not_in_the_admin(
    platform_admin, outside_admin, meetings
):
    page = platform_admin.get("/admin/meetings/actionitem/").content.decode()
    assert "Åtgärd från Veckomöte" in page
    assert "Åtgärd från Skydd av objekt X" not in page
    page = outside_admin.get("/admin/meetings/actionitem/").content.decode()
    assert "Åtgärd från Veckomöte" in page
    assert "Åtgärd från Intern genomgång" not in page


def test_meetings_and_action_items_are_never_changed_or_deleted_in_the_admin(
    platform_admin, meetings
):
    open_meeting, _, _ = meetings
    item = ActionItem.objects.get(meeting=open_meeting)
    assert (
        platform_admin.post(f"/admin/meetings/meeting/{open_meeting.pk}/delete/").status_code == 403
    )
    assert platform_admin.post(f"/admin/meetings/actionitem/{item.pk}/delete/").status_code == 403
    platform_admin.post(f"/admin/meetings/meeting/{open_meeting.pk}/change/", {"title": "Ändrad"})
    assert Meeting.objects.get(pk=open_meeting.pk).title == "Veckomöte"
    assert ActionItem.objects.filter(pk=item.pk).exists()
