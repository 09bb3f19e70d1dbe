"""{% load kept_posts %}{% kept_post_field %} inside a signed-in form: its post survives an ended session."""

from django import template
from django.utils.html import format_html

from kept_posts.services import TOKEN_FIELD, kept_post_token

register = template.Library()


@register.simple_tag(takes_context=True)
def kept_post_field(context, path=None):
    request = context["request"]
    if not request.user.is_authenticated:
        return ""
    token = kept_post_token(user=request.user, path=path or request.path)
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, token)
