from django.urls import path

from silkwire.ops.health import healthz

urlpatterns = [path("", healthz, name="healthz")]
