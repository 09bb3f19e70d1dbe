"""HandlingRole keeps the departments' handlers only (the offices moved to duties' CommitteeOffice in 0003;
a separate migration so that PostgreSQL never alters the table in the transaction that moved its rows)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("problems", "0003_offices_to_committee_office"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="handlingrole", name="handling_role_scope_matches_kind"),
        migrations.RemoveConstraint(model_name="handlingrole", name="handling_role_one_office_per_jurisdiction"),
        migrations.RemoveConstraint(model_name="handlingrole", name="handling_role_one_handler_per_department"),
        # A default first, so that the way back re-creates the column for the handlers' rows.
        migrations.AlterField(
            model_name="handlingrole",
            name="kind",
            field=models.CharField(
                choices=[("office", "生态环境保护委员会办公室"), ("handler", "部门承办人")],
                default="handler",
                max_length=20,
                verbose_name="角色",
            ),
        ),
        migrations.RemoveField(model_name="handlingrole", name="kind"),
        migrations.RemoveField(model_name="handlingrole", name="jurisdiction"),
        migrations.AlterField(
            model_name="handlingrole",
            name="department",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="problem_handlers",
                to="duties.department",
                verbose_name="部门",
            ),
        ),
        migrations.AddConstraint(
            model_name="handlingrole",
            constraint=models.UniqueConstraint(
                fields=("user", "department"),
                name="handling_role_one_handler_per_department",
                violation_error_message="该账号已是这一部门的承办人。",
            ),
        ),
        migrations.AlterModelOptions(
            name="handlingrole",
            options={"verbose_name": "部门承办人", "verbose_name_plural": "部门承办人"},
        ),
    ]
