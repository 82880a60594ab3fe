"""The place of an event as a GeoJSON geometry (RFC 7946): a Point, Polygon or MultiPolygon in
WGS 84 longitude/latitude."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

GEOMETRY_TYPES = {"Point", "Polygon", "MultiPolygon"}


def _position(value) -> None:
    if (
        not isinstance(value, list | tuple)
        or len(value) not in (2, 3)
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value)
    ):
        raise ValidationError(_("A position is [longitude, latitude]."))
    lon, lat = value[0], value[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValidationError(_("A position is [longitude, latitude] in degrees (WGS 84)."))


def _ring(ring) -> None:
    if not isinstance(ring, list) or len(ring) < 4:
        raise ValidationError(_("A polygon ring needs at least four positions."))
    for position in ring:
        _position(position)
    if list(ring[0]) != list(ring[-1]):
        raise ValidationError(_("A polygon ring must end where it starts."))


def _polygon(rings) -> None:
    if not isinstance(rings, list) or not rings:
        raise ValidationError(_("A polygon needs at least one ring."))
    for ring in rings:
        _ring(ring)


def validate_area(area) -> dict | None:
    """Return a clean GeoJSON geometry (a Feature is unwrapped), or raise ValidationError."""
    if area in (None, "", {}):
        return None
    if not isinstance(area, dict):
        raise ValidationError(_("The area must be a GeoJSON object."))
    if area.get("type") == "Feature":
        area = area.get("geometry") or {}
    kind, coordinates = area.get("type"), area.get("coordinates")
    if kind not in GEOMETRY_TYPES:
        raise ValidationError(_("The area must be a GeoJSON Point, Polygon or MultiPolygon."))
    if kind == "Point":
        _position(coordinates)
    elif kind == "Polygon":
        _polygon(coordinates)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise ValidationError(_("A multipolygon needs at least one polygon."))
        for polygon in coordinates:
            _polygon(polygon)
    return {"type": kind, "coordinates": coordinates}
