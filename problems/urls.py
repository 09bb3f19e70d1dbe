from django.urls import path, register_converter

from problems import feeds
from problems.views import exports, imports, public, work


class ProblemNumberConverter:
    regex = r"[0-9]{4}-[0-9]{6,}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ProblemNumberConverter, "problem")

app_name = "problems"

urlpatterns = [
    path("problems/", public.ProblemListView.as_view(), name="list"),
    path("problems/new/", public.ProblemReportView.as_view(), name="new"),
    path("problems/feed/", feeds.ProblemsFeed(), name="feed"),
    path("problems/export.csv", exports.problems_csv, name="export"),
    path("problems/track/<str:key>/", public.ProblemTrackView.as_view(), name="track"),
    path("problems/photos/<int:pk>/", public.photo_download, name="photo"),
    path("problems/departments/<int:pk>/", public.DepartmentProblemsView.as_view(), name="department"),
    path("problems/departments/<int:pk>/feed/", feeds.DepartmentProblemsFeed(), name="department_feed"),
    path("problems/departments/<int:pk>/export.csv", exports.department_problems_csv, name="department_export"),
    path("problems/<problem:number>/", public.ProblemDetailView.as_view(), name="detail"),
    path("workspace/problems/", work.WorkspaceView.as_view(), name="workspace"),
    path("workspace/problems/board/<slug:province>/", work.BoardView.as_view(), name="board"),
    path("workspace/problems/inspections/", imports.InspectionView.as_view(), name="inspections"),
    path("workspace/problems/<problem:number>/", work.WorkView.as_view(), name="work"),
]
