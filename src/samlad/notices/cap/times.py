"""CAP's date-times: seconds precision and an explicit UTC offset (e.g. 2026-01-14T06:00:00+01:00),
written in Swedish local time."""

from datetime import datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def cap_time(moment: datetime) -> str:
    return moment.astimezone(STOCKHOLM).replace(microsecond=0).isoformat()


def parse_cap_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.strip())
