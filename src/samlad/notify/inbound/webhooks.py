"""The SMS providers' webhooks: replies to our messages (handed to samlad.notify.inbound, whose
answer goes back as the reply text) and delivery reports. 46elks proves itself with a shared
secret (?secret=… in the URL it is given, or as the basic-auth password); Twilio signs every
request (X-Twilio-Signature: HMAC-SHA1 of the URL and the sorted form fields, keyed with the
auth token)."""

import base64
import hashlib
import hmac
from datetime import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from samlad.actors.phones import to_e164
from samlad.api.errors import problem_response
from samlad.notify import inbound
from samlad.notify.models import Delivery


@csrf_exempt
@require_POST
def elks46_inbound(request: HttpRequest) -> HttpResponse:
    """An SMS sent to our 46elks number: from, to, message, id."""
    if not _elks46_authentic(request):
        return problem_response(403, "The secret is missing or wrong.")
    sender, text = request.POST.get("from", ""), request.POST.get("message")
    if not sender or text is None:
        return problem_response(400, "The fields 'from' and 'message' are required.")
    reply = _dispatch(sender, text, "46elks", request.POST.get("id", ""))
    return HttpResponse(reply or "", content_type="text/plain; charset=utf-8")


@csrf_exempt
@require_POST
def elks46_status(request: HttpRequest) -> HttpResponse:
    """A 46elks delivery report: id, status (sent / delivered / failed), delivered."""
    if not _elks46_authentic(request):
        return problem_response(403, "The secret is missing or wrong.")
    at = parse_datetime(request.POST.get("delivered", "") or "") or timezone.now()
    _note_status("46elks", request.POST.get("id", ""), request.POST.get("status", ""), at)
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def twilio_inbound(request: HttpRequest) -> HttpResponse:
    """An SMS sent to our Twilio number: From, To, Body, MessageSid; answered with TwiML."""
    if not _twilio_authentic(request):
        return problem_response(403, "The X-Twilio-Signature header does not match.")
    sender, text = request.POST.get("From", ""), request.POST.get("Body")
    if not sender or text is None:
        return problem_response(400, "The fields 'From' and 'Body' are required.")
    reply = _dispatch(sender, text, "twilio", request.POST.get("MessageSid", ""))
    message = f"<Message>{escape(reply)}</Message>" if reply else ""
    twiml = f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>'
    return HttpResponse(twiml, content_type="text/xml; charset=utf-8")


@csrf_exempt
@require_POST
def twilio_status(request: HttpRequest) -> HttpResponse:
    """A Twilio status callback: MessageSid, MessageStatus."""
    if not _twilio_authentic(request):
        return problem_response(403, "The X-Twilio-Signature header does not match.")
    sid, status = request.POST.get("MessageSid", ""), request.POST.get("MessageStatus", "")
    _note_status("twilio", sid, status, timezone.now())
    return HttpResponse(status=204)


def twilio_signature(url: str, form: dict[str, list[str]], token: str) -> str:
    """Twilio's request signature for a POST of `form` to `url`."""
    payload = url + "".join(name + value for name in sorted(form) for value in sorted(form[name]))
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _dispatch(sender: str, text: str, provider: str, message_id: str) -> str | None:
    message = inbound.InboundSms(
        sender=to_e164(sender, strict=False),
        text=text,
        received_at=timezone.now(),
        provider=provider,
        provider_message_id=message_id,
    )
    return inbound.dispatch(message)


def _elks46_authentic(request: HttpRequest) -> bool:
    secret = settings.ELKS46_INBOUND_SECRET
    if not secret:
        return False  # not configured: nobody gets in
    given = request.GET.get("secret", "") or _basic_auth_password(request)
    return hmac.compare_digest(given.encode(), secret.encode())


def _basic_auth_password(request: HttpRequest) -> str:
    kind, _, value = request.headers.get("Authorization", "").partition(" ")
    if kind.lower() != "basic":
        return ""
    try:
        decoded = base64.b64decode(value, validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return ""
    return decoded.partition(":")[2]


def _twilio_authentic(request: HttpRequest) -> bool:
    token = settings.TWILIO_AUTH_TOKEN
    given = request.headers.get("X-Twilio-Signature", "")
    if not token or not given:
        return False
    form = {name: values for name, values in request.POST.lists()}
    candidates = {request.build_absolute_uri(), f"{settings.SITE_URL}{request.get_full_path()}"}
    return any(hmac.compare_digest(twilio_signature(url, form, token), given) for url in candidates)


def _note_status(provider: str, message_id: str, status: str, at: datetime) -> None:
    if message_id and status:
        Delivery.objects.filter(provider=provider, provider_message_id=message_id).update(
            provider_status=status[:20], provider_status_at=at
        )
