from django.conf import settings


def samlad(request):
    """What every page needs: demo mode is visible everywhere."""
    return {"DEMO_MODE": settings.DEMO_MODE}
