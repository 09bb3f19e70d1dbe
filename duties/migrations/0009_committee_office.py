import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("duties", "0008_general_requirements"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CommitteeOffice",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "jurisdiction",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="committee_offices",
                        to="duties.jurisdiction",
                        verbose_name="行政区",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="committee_offices",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="账号",
                    ),
                ),
            ],
            options={
                "verbose_name": "生态环境保护委员会办公室账号",
                "verbose_name_plural": "生态环境保护委员会办公室账号",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "jurisdiction"),
                        name="committee_office_once_per_jurisdiction",
                        violation_error_message="该账号已是这一行政区的生态环境保护委员会办公室。",
                    )
                ],
            },
        ),
    ]
