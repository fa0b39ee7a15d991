"""Let Administrators read the security log and unlock sign-ins (Editors and Writers cannot)."""

from django.db import migrations

GRANTS = [
    ("view_securityevent", "Can view security event"),
    ("unlock_account", "Can unlock locked-out accounts and addresses"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    ct, _ = ContentType.objects.get_or_create(app_label="accounts", model="securityevent")
    for group in Group.objects.filter(name="Administrators"):
        for codename, name in GRANTS:
            permission, _ = Permission.objects.get_or_create(
                content_type=ct, codename=codename, defaults={"name": name}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("news", "0002_site_structure"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
