from samlad.events import selectors, services


def test_search_finds_events_log_entries_and_pictures_by_their_words(snowstorm, user):
    services.add_log_entry(
        by=user("tib"),
        event=snowstorm,
        kind="information",
        text="Trafikverket stänger väg 222 vid Skurubron",
    )
    results = selectors.search_everything(user("nacka.kontakt"), "Skurubron")
    assert [e.text for e in results["log_entries"]] == [
        "Trafikverket stänger väg 222 vid Skurubron"
    ]
    assert selectors.search_everything(user("nacka.kontakt"), "snöoväder")["events"] == [snowstorm]


def test_search_never_shows_what_the_user_may_not_see(restricted_event, user):
    services.add_log_entry(
        by=user("polisen.kontakt"),
        event=restricted_event,
        kind="information",
        text="Hemlig insats vid Värtahamnen",
    )
    for query in ["Värtahamnen", "infrastruktur"]:
        results = selectors.search_everything(user("nacka.kontakt"), query)
        assert results == {
            "events": [],
            "log_entries": [],
            "pictures": [],
            "reports": [],
            "notices": [],
            "meetings": [],
        }
    assert selectors.search_everything(user("sosalarm.kontakt"), "Värtahamnen")["log_entries"]


def test_an_empty_query_finds_nothing(snowstorm, user):
    assert selectors.search_everything(user("tib"), "  ")["events"] == []
