import pytest
from django.core.exceptions import ValidationError

from samlad.core.errors import NotFound, NotPermitted
from samlad.core.models import AppendOnlyError
from samlad.events import selectors, services


def test_entries_are_numbered_in_order_and_listed_newest_first(snowstorm, user):
    for text in ["Första", "Andra", "Tredje"]:
        services.add_log_entry(by=user("tib"), event=snowstorm, kind="information", text=text)
    entries = selectors.log_entries(snowstorm)
    assert [(e.number, e.text) for e in entries] == [(3, "Tredje"), (2, "Andra"), (1, "Första")]
    assert selectors.log_entry_count(snowstorm) == 3


def test_a_correction_is_a_new_entry_and_the_original_stays_readable(snowstorm, user):
    wrong = services.add_log_entry(
        by=user("nacka.kontakt"),
        event=snowstorm,
        kind="decision",
        text="Nacka öppnar trygghetspunkt i Orminge kl 14",
    )
    fix = services.add_log_entry(
        by=user("nacka.kontakt"),
        event=snowstorm,
        kind="decision",
        text="Trygghetspunkten öppnar kl 16",
        corrects=wrong,
    )
    wrong.refresh_from_db()
    assert wrong.text == "Nacka öppnar trygghetspunkt i Orminge kl 14"
    assert fix.corrects == wrong
    assert list(wrong.corrections.all()) == [fix]


def test_log_book_entries_can_never_be_changed_or_deleted(snowstorm, user):
    entry = services.add_log_entry(
        by=user("tib"), event=snowstorm, kind="contact", text="Samtal med SMHI"
    )
    entry.text = "Ändrad"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_an_empty_entry_or_an_unknown_kind_gets_a_clear_error(snowstorm, user):
    with pytest.raises(ValidationError) as error:
        services.add_log_entry(by=user("tib"), event=snowstorm, kind="gossip", text=" ")
    assert set(error.value.message_dict) == {"text", "kind"}


def test_only_those_who_see_the_event_write_in_its_log_book(restricted_event, user):
    with pytest.raises(NotPermitted):
        services.add_log_entry(
            by=user("nacka.kontakt"), event=restricted_event, kind="information", text="Hej"
        )


def test_the_log_book_knows_which_entries_were_corrected_and_by_which(snowstorm, user):
    tib = user("tib")
    wrong = services.add_log_entry(by=tib, event=snowstorm, kind="decision", text="Kl 14")
    services.add_log_entry(by=tib, event=snowstorm, kind="information", text="Annat")
    services.add_log_entry(by=tib, event=snowstorm, kind="decision", text="Kl 16", corrects=wrong)
    assert selectors.log_entry(snowstorm, number=1) == wrong
    with pytest.raises(NotFound):
        selectors.log_entry(snowstorm, number=99)
    assert selectors.corrections_of(selectors.log_entries(snowstorm)) == {wrong.pk: [3]}
