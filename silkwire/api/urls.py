from django.urls import path

from silkwire.api import views

urlpatterns = [
    path("", views.index, name="api-index"),
    path("articles", views.articles, name="api-articles"),
    path("articles/<str:pk>", views.article, name="api-article"),
    path("countries", views.countries, name="api-countries"),
    path("topics", views.topics, name="api-topics"),
    path("authors", views.authors, name="api-authors"),
    path("openapi.json", views.openapi_document, name="api-openapi"),
    path("docs", views.docs, name="api-docs"),
]
