from django.apps import AppConfig


class KeptPostsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kept_posts"
    verbose_name = "登录失效时保留的填写内容"
