"""The committee office's accounts move to duties' CommitteeOffice, shared with the problems' office."""

from django.db import migrations


def copy_offices(apps, schema_editor):
    db = schema_editor.connection.alias
    FilingOffice = apps.get_model("plans", "FilingOffice")
    CommitteeOffice = apps.get_model("duties", "CommitteeOffice")
    for user_id, jurisdiction_id in FilingOffice.objects.using(db).values_list("user_id", "jurisdiction_id"):
        CommitteeOffice.objects.using(db).get_or_create(user_id=user_id, jurisdiction_id=jurisdiction_id)


def copy_back(apps, schema_editor):
    db = schema_editor.connection.alias
    FilingOffice = apps.get_model("plans", "FilingOffice")
    CommitteeOffice = apps.get_model("duties", "CommitteeOffice")
    for user_id, jurisdiction_id in CommitteeOffice.objects.using(db).values_list("user_id", "jurisdiction_id"):
        FilingOffice.objects.using(db).get_or_create(user_id=user_id, jurisdiction_id=jurisdiction_id)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("duties", "0009_committee_office"),
    ]

    operations = [
        migrations.RunPython(copy_offices, copy_back),
        migrations.DeleteModel(name="FilingOffice"),
    ]
