"""Seed the site: home page, countries, index pages, topics, newsroom groups and the workflow.

Historical models have no treebeard methods, so page paths are written by hand,
the way Wagtail's own initial-data migration does it.
"""

import uuid

from django.db import migrations

COUNTRIES = [
    ("Kazakhstan", "kazakhstan", "KZ", False),
    ("Kyrgyzstan", "kyrgyzstan", "KG", False),
    ("Tajikistan", "tajikistan", "TJ", False),
    ("Turkmenistan", "turkmenistan", "TM", False),
    ("Uzbekistan", "uzbekistan", "UZ", False),
    ("Central Asia", "central-asia", "", True),
]
INDEXES = [
    ("Topics", "topics", "topicindexpage"),
    ("Authors", "authors", "authorindexpage"),
    ("Tags", "tags", "tagindexpage"),
]
TOPICS = ["Politics", "Economy", "Society", "Environment", "Security", "Culture"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def step(n):
    out = ""
    for _ in range(4):
        n, r = divmod(n, 36)
        out = ALPHABET[r] + out
    return out


def perm(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    p, _ = Permission.objects.get_or_create(content_type=ct, codename=codename, defaults={"name": name})
    return p


def seed(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Topic = apps.get_model("news.Topic")

    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="en")
    root = Page.objects.get(depth=1)

    # Replace Wagtail's "Welcome" page with Silkwire's home page.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    home_ct, _ = ContentType.objects.get_or_create(app_label="news", model="homepage")
    existing = Page.objects.filter(depth=2).values_list("path", flat=True)
    home_path = root.path + step(len(existing) + 1)
    HomePage = apps.get_model("news.HomePage")
    home = HomePage.objects.create(
        title="Silkwire", draft_title="Silkwire", slug="home", content_type=home_ct, path=home_path,
        depth=2, numchild=0, url_path="/home/", live=True, locale=locale, translation_key=uuid.uuid4(),
        seo_title="Silkwire — news from Central Asia",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                        site_name="Silkwire")

    children = []
    country_ct, _ = ContentType.objects.get_or_create(app_label="news", model="countrypage")
    CountryPage = apps.get_model("news.CountryPage")
    for name, slug, code, is_region in COUNTRIES:
        children.append((CountryPage, country_ct, name, slug, {"code": code, "is_region": is_region}))
    for name, slug, model in INDEXES:
        ct, _ = ContentType.objects.get_or_create(app_label="news", model=model)
        children.append((apps.get_model("news", model), ct, name, slug, {}))
    for i, (model, ct, name, slug, extra) in enumerate(children, start=1):
        model.objects.create(
            title=name, draft_title=name, slug=slug, content_type=ct, path=home.path + step(i),
            depth=3, numchild=0, url_path=f"/home/{slug}/", live=True, locale=locale,
            translation_key=uuid.uuid4(), **extra,
        )
    Page.objects.filter(pk=home.pk).update(numchild=len(children))

    for name in TOPICS:
        Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})

    # --- Newsroom groups -------------------------------------------------------------
    access_admin = perm(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    page_perms = {
        code: perm(apps, "wagtailcore", "page", f"{code}_page", f"Can {code} page")
        for code in ["add", "change", "publish", "lock", "unlock", "bulk_delete"]
    }

    def model_perms(app_label, model, codes):
        return [perm(apps, app_label, model, f"{c}_{model}", f"Can {c} {model}") for c in codes]

    writer_model_perms = (
        [access_admin]
        + model_perms("wagtailimages", "image", ["add", "choose"])
        + model_perms("wagtaildocs", "document", ["add", "choose"])
        + model_perms("news", "author", ["view"])
        + model_perms("news", "topic", ["view"])
    )
    editor_model_perms = (
        writer_model_perms
        + model_perms("wagtailimages", "image", ["change", "delete"])
        + model_perms("news", "author", ["add", "change"])
        + model_perms("news", "topic", ["add", "change"])
        + model_perms("wagtailredirects", "redirect", ["add", "change", "delete"])
    )
    writers, _ = Group.objects.get_or_create(name="Writers")
    editors, _ = Group.objects.get_or_create(name="Editors")
    admins, _ = Group.objects.get_or_create(name="Administrators")
    writers.permissions.set(writer_model_perms)
    editors.permissions.set(editor_model_perms)
    admins.permissions.set(editor_model_perms + model_perms("news", "author", ["delete"]))
    GroupPagePermission.objects.filter(group__in=[writers, editors, admins]).delete()
    for group, codes in [
        (writers, ["add", "change"]),
        (editors, ["add", "change", "publish", "lock", "unlock"]),
        (admins, ["add", "change", "publish", "lock", "unlock", "bulk_delete"]),
    ]:
        for code in codes:
            GroupPagePermission.objects.create(group=group, page=root, permission=page_perms[code])

    # --- Moderation: writers submit, editors approve and publish -----------------------------
    moderators = Group.objects.filter(name="Moderators").first()
    task = GroupApprovalTask.objects.filter(active=True).order_by("pk").first()
    if task is not None:
        task.name = "Editor approval"
        task.save(update_fields=["name"])
        task.groups.set([editors, admins])
        Workflow.objects.filter(workflow_tasks__task=task).update(name="Editor approval")
    if moderators is not None:
        moderators.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0091_remove_revision_submitted_for_moderation"),
        ("wagtailimages", "0001_squashed_0021"),
        ("wagtaildocs", "0001_initial"),
        ("wagtailredirects", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
