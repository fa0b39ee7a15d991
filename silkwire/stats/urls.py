from django.urls import re_path

from silkwire.stats import views

urlpatterns = [
    re_path(r"^hit/(?P<page_id>[0-9]{1,12})\.(?P<ext>css|gif)$", views.hit, name="stats-hit"),
]
