"""Atom feeds of the duty lists' editions: one province's, one department's."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from duties import editions, selectors
from duties.filtersets import filter_in_province

FEED_LENGTH = 20


class ProvinceChangesFeed(Feed):
    """Each new edition of a province's lists (its cities' and counties' included), with what it changed."""

    feed_type = Atom1Feed

    def get_object(self, request, province):
        return get_object_or_404(selectors.province_named(province))

    def title(self, obj):
        return _("%(scope)s生态环境保护具体事项清单：修订记录") % {"scope": obj.name}

    def subtitle(self, obj):
        return _("每个清单版本的生效日期、依据，以及新增、删除和修改的具体事项。")

    def link(self, obj):
        return reverse("duties:changes", args=[obj.slug])

    def department(self, obj):
        return None

    def editions(self, obj):
        return filter_in_province(editions.editions_list(), "jurisdiction", obj)

    def items(self, obj):
        return editions.changes_of(self.editions(obj)[:FEED_LENGTH], self.department(obj))

    def item_title(self, item):
        edition = item.edition
        return _("%(date)s 起：%(scope)s（%(basis)s）") % {
            "date": edition.effective_on.strftime("%Y-%m-%d"),
            "scope": edition.department or edition.jurisdiction,
            "basis": edition.basis,
        }

    def item_description(self, item):
        return render_to_string("duties/includes/edition_changes.html", {"item": item, "in_feed": True})

    def item_link(self, item):
        return item.edition.get_absolute_url()

    def item_guid(self, item):
        return f"edition-{item.edition.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.edition.created_at

    def item_author_name(self, item):
        return str(item.edition.department or item.edition.jurisdiction)


class DepartmentChangesFeed(ProvinceChangesFeed):
    """Each edition that changed one department's list, with its duties' changes."""

    def get_object(self, request, province, department, code=None):
        jurisdiction = get_object_or_404(selectors.province_named(province))
        if code is not None:
            jurisdiction = get_object_or_404(selectors.jurisdiction_in(jurisdiction, str(code)))
        return get_object_or_404(selectors.department_in(jurisdiction, department))

    def title(self, obj):
        return _("%(scope)s生态环境保护具体事项清单：修订记录") % {"scope": obj.name}

    def link(self, obj):
        return obj.get_changes_url()

    def department(self, obj):
        return obj

    def editions(self, obj):
        return editions.editions_of_department(obj)
