"""{% department_contact department %}: how to reach a department and where to report an error in its list."""

from django import template

from contact import permissions, selectors

register = template.Library()


@register.inclusion_tag("contact/includes/department_contact.html", takes_context=True)
def department_contact(context, department):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "department": department,
        "contact": selectors.contact_of(department),
        "can_edit": user is not None and user.is_authenticated and permissions.can_edit_contact(user, department),
    }
