from django.urls import path

from silkwire.rates import api

app_name = "rates_api"

urlpatterns = [
    path("latest", api.latest, name="latest"),
    path("<str:code>", api.currency_history, name="currency"),
]
