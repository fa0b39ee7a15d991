from django.urls import path

from silkwire.rates import views

app_name = "rates"

urlpatterns = [
    path("", views.index, name="index"),
    path("convert/", views.converter, name="convert"),
    path("<str:code>/", views.currency, name="currency"),
    path("<str:code>/csv/", views.currency_csv, name="csv"),
]
