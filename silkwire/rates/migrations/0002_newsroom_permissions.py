"""Let the newsroom see observations and the fetch log, and editors override a value."""

from django.db import migrations

GRANTS = {
    "Writers": [("rateobservation", "view")],
    "Editors": [
        ("rateobservation", "view"),
        ("fetchlog", "view"),
        ("rateoverride", "view"),
        ("rateoverride", "add"),
        ("rateoverride", "change"),
    ],
    "Administrators": [
        ("rateobservation", "view"),
        ("fetchlog", "view"),
        ("rateoverride", "view"),
        ("rateoverride", "add"),
        ("rateoverride", "change"),
        ("rateoverride", "delete"),
    ],
}
NAMES = {"rateobservation": "rate observation", "fetchlog": "fetch log", "rateoverride": "rate override"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        for model, action in GRANTS[group.name]:
            ct, _ = ContentType.objects.get_or_create(app_label="rates", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=ct,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {NAMES[model]}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("rates", "0001_initial"),
        ("news", "0002_site_structure"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
