"""Add a province's cities and counties (GB/T 2260, the GB2260 package's table) so that citizens can report a
problem down to county level even where no city or county publishes a list yet; routing walks up to the
province's list. Divisions already recorded are left as they are. Each added one is recorded in the audit trail."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from pypinyin import lazy_pinyin

from duties.audit import AuditEntry, audit_entry_record

# The one reading of the GB/T 2260 table (duties/divisions.py), as the national dataset and Jilin's counties use.
from duties.divisions import divisions, kind_and_level, short_name
from duties.models import Jurisdiction


class Command(BaseCommand):
    help = "Add the cities and counties of a province (GB/T 2260) as places problems can be reported in."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="the province's code or pinyin, e.g. 360000 or jiangxi")

    @transaction.atomic
    def handle(self, *args, province, **options):
        try:
            top = Jurisdiction.objects.provinces().get_named(province)
        except Exception as error:
            raise CommandError(str(error)) from error
        existing = set(Jurisdiction.objects.filter(code__startswith=top.code[:2]).values_list("code", flat=True))
        slugs: dict[str, set[str]] = {}
        for jurisdiction in Jurisdiction.objects.filter(code__startswith=top.code[:2], parent__isnull=False):
            slugs.setdefault(jurisdiction.parent_id, set()).add(jurisdiction.slug)
        added = 0
        for division in divisions():
            if division.code[:2] != top.code[:2] or division.code in existing or division.parent_code is None:
                continue
            kind, level = kind_and_level(division)
            slug = "-".join(lazy_pinyin(division.name))[:50] or division.code
            taken = slugs.setdefault(division.parent_code, set())
            if slug in taken:
                slug = f"{slug}-{division.code}"
            taken.add(slug)
            jurisdiction = Jurisdiction(
                code=division.code,
                name=division.name,
                short_name=short_name(division.name),
                slug=slug,
                level=level,
                kind=kind,
                parent_id=division.parent_code,
            )
            jurisdiction.full_clean(validate_unique=False)
            jurisdiction.save()
            audit_entry_record(user=None, action=AuditEntry.Action.ADD, obj=jurisdiction, reason="add_problem_places")
            added += 1
        self.stdout.write(f"{top.name}: {added} cities and counties added")
