"""Create the load test's 20 department approvers (run with `manage.py shell`, on the load database only)."""

from django.contrib.auth import get_user_model

from duties.models import Department
from reports.models import Membership

PASSWORD = "load-test-only-password-7Qz"
departments = Department.objects.filter(bears_key_duties=True).order_by("pk")[:20]
for index, department in enumerate(departments):
    user, _ = get_user_model().objects.get_or_create(username=f"load-approver-{index}")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.update_or_create(user=user, defaults={"role": "approver", "department": department})
print(f"{len(departments)} load-test approvers")
