"""Seed the region's common spellings and let editors maintain them."""

from django.db import migrations

VARIANTS = [
    ("Kazakhstan", ["Kazakstan", "Qazaqstan", "Kazachstan", "Казахстан"], "country"),
    ("Kazakh", ["Kazak", "Qazaq"], "people and language; also finds Kazakhs"),
    ("Kyrgyzstan", ["Kirghizia", "Kirgizia", "Kyrgyz Republic", "Kirghizstan", "Киргизия", "Кыргызстан"], "country"),
    ("Kyrgyz", ["Kirghiz", "Kirgiz"], "people and language"),
    ("Tajikistan", ["Tadjikistan", "Tadzhikistan", "Таджикистан"], "country"),
    ("Tajik", ["Tadjik", "Tadzhik", "Tojik"], "people and language; also finds Tajikistan"),
    ("Turkmenistan", ["Turkmenia", "Türkmenistan", "Туркменистан"], "country"),
    ("Uzbekistan", ["Oʻzbekiston", "Uzbekiston", "Ozbekistan", "Узбекистан"], "country"),
    ("Almaty", ["Alma-Ata", "Almaata", "Алматы", "Алма-Ата"], "city"),
    ("Astana", ["Nur-Sultan", "Akmola", "Aqmola", "Tselinograd"], "capital of Kazakhstan, renamed 2019 and 2022"),
    ("Shymkent", ["Chimkent"], "city"),
    ("Oskemen", ["Ust-Kamenogorsk", "Öskemen"], "city"),
    ("Semey", ["Semipalatinsk"], "city"),
    ("Bishkek", ["Frunze", "Pishpek"], "capital of Kyrgyzstan"),
    ("Issyk-Kul", ["Ysyk-Köl", "Issyk Kul", "Issykkul"], "lake and region"),
    ("Dushanbe", ["Stalinabad"], "capital of Tajikistan"),
    ("Khujand", ["Khodjent", "Khodzhent", "Leninabad"], "city"),
    ("Ashgabat", ["Ashkhabad", "Ashgabad", "Aşgabat"], "capital of Turkmenistan"),
    ("Turkmenbashi", ["Türkmenbaşy", "Turkmenbashy", "Krasnovodsk"], "Caspian port"),
    ("Tashkent", ["Toshkent"], "capital of Uzbekistan"),
    ("Samarkand", ["Samarqand"], "city"),
    ("Bukhara", ["Buxoro"], "city"),
    ("Fergana", ["Ferghana", "Fargʻona"], "city and valley"),
    ("Karakalpakstan", ["Qaraqalpaqstan"], "republic within Uzbekistan"),
    ("Amu Darya", ["Amudarya", "Oxus"], "river"),
    ("Syr Darya", ["Syrdarya", "Jaxartes"], "river"),
    ("Tokayev", ["Toqayev", "Tokaev", "Токаев"], "president of Kazakhstan"),
    ("Nazarbayev", ["Nazarbaev", "Назарбаев"], "first president of Kazakhstan"),
    ("Japarov", ["Zhaparov", "Dzhaparov", "Жапаров"], "president of Kyrgyzstan"),
    ("Rahmon", ["Rakhmon", "Rahmonov", "Rakhmonov", "Рахмон"], "president of Tajikistan"),
    ("Berdimuhamedov", ["Berdymukhamedov", "Berdimuhamedow", "Berdymuhamedov", "Бердымухамедов"], "presidents of Turkmenistan"),
    ("Mirziyoyev", ["Mirziyoev", "Mirzijojev", "Мирзиёев"], "president of Uzbekistan"),
]


def perm(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    p, _ = Permission.objects.get_or_create(content_type=ct, codename=codename, defaults={"name": name})
    return p


def seed(apps, schema_editor):
    NameVariant = apps.get_model("search.NameVariant")
    for name, variants, note in VARIANTS:
        NameVariant.objects.get_or_create(
            name=name, defaults={"variants": "\n".join(variants), "note": note}
        )
    Group = apps.get_model("auth.Group")
    codes = ["add", "change", "delete", "view"]
    perms = [perm(apps, "search", "namevariant", f"{c}_namevariant", f"Can {c} name variant") for c in codes]
    for group in Group.objects.filter(name__in=["Editors", "Administrators"]):
        group.permissions.add(*perms)
    for group in Group.objects.filter(name="Writers"):
        group.permissions.add(perms[-1])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("news", "0002_site_structure"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
