"""Read queries for draft lists, shared by the workspace pages, the tracker and the public department page; each
fetches what its page shows in a fixed number of queries, whatever the number of rows."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404

from duties.models import Edition, office_codes
from listdrafts import permissions
from listdrafts.models import DraftRow, DraftStep, ListDraft, ReviewRound, RowComment
from reports.models import Membership


def in_review_expression(department_id):
    """Whether the department (`department_id`, an OuterRef) has a draft submitted and not yet published:
    duties/publication.py reads it through settings.LIST_IN_REVIEW."""
    return Exists(ListDraft.objects.in_review().filter(department_id=department_id))


def drafts_for_member(user):
    """The drafts an account prepares, reviews or oversees, most recently changed first."""
    queryset = ListDraft.objects.with_department().select_related("updated_by").order_by("-updated_at", "-pk")
    if permissions.is_site_admin(user):
        return queryset
    membership = permissions.membership_of(user)
    scope = Q(pk__in=[])
    if membership is not None and membership.is_department_staff:
        scope |= Q(department_id=membership.department_id)
    elif membership is not None and membership.role == Membership.Role.SUPERVISOR:
        in_province = Q(department__jurisdiction__code__startswith=membership.province_id[:2])
        scope |= in_province & Q(first_submitted_at__isnull=False)
    scope |= Q(department__jurisdiction_id__in=office_codes(user), first_submitted_at__isnull=False)
    return queryset.filter(scope)


def draft_detail():
    """Drafts with everything their page shows: rows, rounds with their row comments and people, the steps."""
    return (
        ListDraft.objects.with_department()
        .select_related("approval_document", "edition")
        .prefetch_related(
            Prefetch("rows", queryset=DraftRow.objects.order_by("position")),
            Prefetch(
                "rounds",
                queryset=ReviewRound.objects.select_related("submitted_by", "decided_by").prefetch_related(
                    Prefetch("row_comments", queryset=RowComment.objects.order_by("row_number"))
                ),
            ),
            Prefetch("steps", queryset=DraftStep.objects.select_related("user").order_by("at", "pk")),
        )
    )


def draft_for_reader(user, pk) -> ListDraft:
    """The draft `user` may read in the workspace, or 404 (a draft is not shown to whom may not read it)."""
    draft = draft_detail().filter(pk=pk).first()
    if draft is None or not permissions.can_read(user, draft):
        raise Http404
    return draft


def rounds_of(draft) -> list[ReviewRound]:
    return sorted(draft.rounds.all(), key=lambda round_: round_.number)


def latest_round(draft) -> ReviewRound | None:
    rounds = rounds_of(draft)
    return rounds[-1] if rounds else None


def comments_by_row(round_: ReviewRound | None) -> dict[int, str]:
    """The office's comment on each row of a round, by row key (from the prefetched comments)."""
    if round_ is None:
        return {}
    return {comment.row_key: comment.comment for comment in round_.row_comments.all()}


def published_list_for_department(department):
    """The department's list as it last published it through review and approval, with whether an edition
    published since (an admin's correction, another jurisdiction-wide edition) changed it after: one query."""
    later = Edition.objects.filter(
        Q(department=department) | Q(jurisdiction=department.jurisdiction, department__isnull=True),
        effective_on__gte=OuterRef("edition__effective_on"),
    ).exclude(pk=OuterRef("edition_id"))
    later = later.filter(created_at__gt=OuterRef("edition__created_at"))
    return (
        ListDraft.objects.filter(department=department, state=ListDraft.State.PUBLISHED)
        .select_related("edition")
        .annotate(changed_since=Exists(later))
        .order_by("-published_at")
        .first()
    )
