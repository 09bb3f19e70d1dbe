"""The problems' office role moves to duties' CommitteeOffice (shared with the plans' filing office);
HandlingRole keeps the departments' handlers only."""

from django.db import migrations


def copy_offices(apps, schema_editor):
    db = schema_editor.connection.alias
    HandlingRole = apps.get_model("problems", "HandlingRole")
    CommitteeOffice = apps.get_model("duties", "CommitteeOffice")
    offices = HandlingRole.objects.using(db).filter(kind="office")
    for user_id, jurisdiction_id in offices.values_list("user_id", "jurisdiction_id"):
        CommitteeOffice.objects.using(db).get_or_create(user_id=user_id, jurisdiction_id=jurisdiction_id)
    offices.delete()


def copy_back(apps, schema_editor):
    db = schema_editor.connection.alias
    HandlingRole = apps.get_model("problems", "HandlingRole")
    CommitteeOffice = apps.get_model("duties", "CommitteeOffice")
    for user_id, jurisdiction_id in CommitteeOffice.objects.using(db).values_list("user_id", "jurisdiction_id"):
        HandlingRole.objects.using(db).get_or_create(user_id=user_id, kind="office", jurisdiction_id=jurisdiction_id)


class Migration(migrations.Migration):
    dependencies = [
        ("problems", "0002_search"),
        ("duties", "0009_committee_office"),
    ]

    operations = [
        migrations.RunPython(copy_offices, copy_back),
    ]
