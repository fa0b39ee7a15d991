from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("rates/", include("silkwire.rates.urls")),
    path("api/v1/rates/", include("silkwire.rates.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    from django.urls import re_path
    from django.views.static import serve as serve_media

    # Media served by Django only for the embedded default; a reverse proxy serves
    # MEDIA_ROOT directly in a scale-out setup (docs/deploy.md).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

from django.views.generic import TemplateView  # noqa: E402

from silkwire.news import feeds, sitemaps  # noqa: E402
from silkwire.search import views as search_views  # noqa: E402

urlpatterns += [
    path("search/", search_views.search, name="search"),
    path("feeds/", include(feeds.urlpatterns)),
    path("", include(sitemaps.urlpatterns)),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("stats/", include("silkwire.stats.urls")),
    path("api/v1/", include("silkwire.api.urls")),
]

urlpatterns += [path("", include(wagtail_urls))]
