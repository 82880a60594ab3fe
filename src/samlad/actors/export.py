"""The call-out list as a CSV file for Swedish Excel: UTF-8 with a byte-order mark (so å, ä, ö
open right) and semicolons between the columns."""

import csv
import io
import re

from django.utils.translation import gettext as _

from samlad.actors.phones import for_display
from samlad.actors.selectors import CallOutRow, StaffMember

BOM = "\ufeff"
E164 = re.compile(r"^\+\d{6,15}$")
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula; E.164 numbers stay as they are."""
    if text.startswith(FORMULA_STARTS) and not E164.match(text):
        return "'" + text
    return text


def _staff(staff: tuple[StaffMember, ...]) -> str:
    return "; ".join(
        f"{m.position}. {m.name}"
        + (f" ({m.title})" if m.title else "")
        + (f" {m.phone}" if m.phone else "")
        for m in staff
    )


def _header() -> list[str]:
    return [
        _("Actor"),
        _("Kind"),
        _("Function"),
        _("Channel"),
        _("Number or address (E.164)"),
        _("Number as dialled in Sweden"),
        _("Label"),
        _("Staffed by (call-out order)"),
        _("Classification"),
        _("Secrecy provision (OSL)"),
    ]


def _line(row: CallOutRow) -> list[str]:
    return [
        row.actor,
        row.actor_kind,
        row.function,
        row.channel,
        row.value,
        for_display(row.value) if row.is_phone else "",
        row.label,
        _staff(row.staff),
        row.classification_label,
        row.osl_reference,
    ]


def call_out_csv(rows: list[CallOutRow]) -> str:
    """The rows as CSV text, starting with the byte-order mark."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(_header())
    for row in rows:
        writer.writerow([_cell(str(value)) for value in _line(row)])
    return out.getvalue()
