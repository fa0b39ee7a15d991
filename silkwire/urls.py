from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from silkwire.news import feeds, sitemaps
from silkwire.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("rates/", include("silkwire.rates.urls")),
    path("api/v1/rates/", include("silkwire.rates.api_urls")),
    path("api/v1/", include("silkwire.api.urls")),
    path("search/", search_views.search, name="search"),
    path("feeds/", include(feeds.urlpatterns)),
    path("", include(sitemaps.urlpatterns)),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("stats/", include("silkwire.stats.urls")),
    path("healthz", include("silkwire.ops.urls")),
    # Media is served by Django only for the embedded default; in a scale-out setup the
    # reverse proxy serves MEDIA_ROOT directly (docs/deploy.md).
    re_path(
        rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
        serve_media,
        {"document_root": settings.MEDIA_ROOT},
    ),
    # Wagtail's page tree answers everything else.
    path("", include(wagtail_urls)),
]
