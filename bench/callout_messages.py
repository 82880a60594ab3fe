"""The call-out messages of the benchmark, the same for Samlad and for the minimal script: an
e-mail with an iCalendar invite and an SMS per recipient."""

FROM = "Samlad <samlad@bench.example>"
SUBJECT = "ÖVNING: Aktivering: Regionalt samordnande forum kl. 16.00"
BODY = (
    "ÖVNING: Länsstyrelsen Stockholm aktiverar regionalt samordnande forum med anledning av "
    "kraftigt snöfall (SMHI klass 2).\n\nTid: i dag kl. 16.00\nTelefonbrygga: 08-123 456 00, "
    "PIN 4711\nRakel: RSS-LST-SAMV\n\nSvara: https://samlad.example/svar/{n}/\n\n"
    "Mottagare {n}\n"
)
SMS = (
    "ÖVNING: Regionalt samordnande forum aktiveras kl. 16.00. Brygga 08-123 456 00, PIN 4711. "
    "Svara JA/NEJ/SENARE eller https://samlad.example/svar/{n}/"
)
ICS = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Samlad//Bench//SV",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:bench-{n}@samlad.example",
        "DTSTAMP:20261123T120000Z",
        "DTSTART:20261123T150000Z",
        "DTEND:20261123T160000Z",
        "SUMMARY:ÖVNING: Regionalt samordnande forum",
        "LOCATION:Telefonbrygga 08-123 456 00\\, PIN 4711",
        "ORGANIZER;CN=TiB Länsstyrelsen:mailto:tib@lansstyrelsen.example",
        "ATTENDEE;RSVP=TRUE;CN=Mottagare {n}:mailto:m{n}@bench.example",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def email_address(n: int) -> str:
    return f"m{n}@bench.example"


def phone_number(n: int) -> str:
    return f"+4670{n:07d}"


def body(n: int) -> str:
    return BODY.format(n=n)


def sms(n: int) -> str:
    return SMS.format(n=n)


def invite(n: int) -> str:
    return ICS.replace("{n}", str(n))
