from django.conf import settings


def site(request):
    """Expose the publication name and base URL to every template."""
    return {
        "publication_name": settings.SILKWIRE_PUBLICATION_NAME,
        "base_url": settings.SILKWIRE_BASE_URL,
    }
