from django.core.management.base import BaseCommand

from kept_posts.services import kept_posts_purge


class Command(BaseCommand):
    help = "Delete the form posts kept after a session ended once they are past KEPT_POST_DAYS (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{kept_posts_purge()} kept posts deleted.")
