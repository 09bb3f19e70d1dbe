from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from clients.throttling import rate_limited
from reports import compliance, feeds, filing_views, views
from reports.forms import LoginForm

app_name = "reports"

account_patterns = [
    path(
        "accounts/login/",
        # Sign-in attempts per address (LOGIN_THROTTLE_RATE), on top of django-axes' lockout per username and address.
        rate_limited("LOGIN_THROTTLE_RATE")(
            auth_views.LoginView.as_view(
                template_name="reports/account_login.html",
                authentication_form=LoginForm,
                redirect_authenticated_user=True,
            )
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(
            template_name="reports/account_password_change.html",
            success_url=reverse_lazy("reports:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="reports/account_password_change_done.html"),
        name="password_change_done",
    ),
]

workspace_patterns = [
    path("workspace/", views.WorkspaceView.as_view(), name="workspace"),
    path("workspace/reports/new/", views.ReportCreateView.as_view(), name="report_create"),
    path("workspace/reports/<int:pk>/", views.ReportEditView.as_view(), name="report_edit"),
    path("workspace/reports/<int:pk>/ready/", filing_views.ReportReadyView.as_view(), name="report_ready"),
    path("workspace/reports/<int:pk>/submit/", filing_views.ReportCheckSubmitView.as_view(), name="report_submit"),
    path(
        "workspace/reports/<int:pk>/submitted/",
        filing_views.ReportConfirmationView.as_view(step="submitted"),
        name="report_submitted",
    ),
    path("workspace/reports/<int:pk>/publish/", filing_views.ReportCheckPublishView.as_view(), name="report_publish"),
    path(
        "workspace/reports/<int:pk>/published/",
        filing_views.ReportConfirmationView.as_view(step="published"),
        name="report_published",
    ),
    path("workspace/reports/<int:pk>/correct/", views.ReportCorrectView.as_view(), name="report_correct"),
    path(
        "workspace/compliance/<slug:province>/<int:year>/",
        compliance.ComplianceBoardView.as_view(),
        name="compliance_board",
    ),
]

public_patterns = [
    path("reports/", views.PublicReportListView.as_view(), name="public_index"),
    path("reports/feed/", feeds.PublishedReportsFeed(), name="feed"),
    path("reports/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("reports/<slug:province>/feed/", feeds.ProvinceReportsFeed(), name="province_feed"),
    path("reports/<slug:province>/<slug:department>/feed/", feeds.DepartmentReportsFeed(), name="department_feed"),
    path(
        "reports/<slug:province>/<slug:department>/<int:year>/", views.PublicReportView.as_view(), name="public_detail"
    ),
    path(
        "reports/<slug:province>/<slug:department>/<int:year>/revisions/<int:number>/",
        views.PublicRevisionView.as_view(),
        name="public_revision",
    ),
]

urlpatterns = account_patterns + workspace_patterns + public_patterns
