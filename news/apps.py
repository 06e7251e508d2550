from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and blog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import authorship
        from news.models import BlogPostPage, NewsArticlePage

        # A person's page lists the posts they wrote (people cannot import this app).
        for key, heading, model, order in [
            ("news", _("News"), NewsArticlePage, 20),
            ("blog", _("Blog posts"), BlogPostPage, 30),
        ]:
            authorship.register(
                authorship.Writings(
                    key=key,
                    heading=heading,
                    pages=lambda person, model=model: (
                        model.objects.live()
                        .public()
                        .filter(post_authors__person=person)
                        .order_by("-display_date", "-pk")
                    ),
                    order=order,
                )
            )
