"""The log of reads of confidential records is an audit trail: nobody edits or removes an entry,
on any database (PostgreSQL refuses it in the database too:
tests/core/test_append_only_database.py)."""

import pytest

from samlad.core.models import AppendOnlyError, ConfidentialRead


@pytest.fixture
def read(user):
    return ConfidentialRead.objects.create(
        user=user("tib"), target_type="report", target_id="1", via="page"
    )


def test_a_confidential_read_cannot_be_changed(read):
    read.via = "api"
    with pytest.raises(AppendOnlyError):
        read.save()
    assert ConfidentialRead.objects.get(pk=read.pk).via == "page"


def test_a_confidential_read_cannot_be_deleted(read):
    with pytest.raises(AppendOnlyError):
        read.delete()
    assert ConfidentialRead.objects.filter(pk=read.pk).exists()
