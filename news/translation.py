from modeltranslation.translator import register

from core.translation import BasePageTranslation
from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage


@register(NewsIndexPage)
class NewsIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(BlogIndexPage)
class BlogIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(NewsArticlePage)
class NewsArticlePageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(BlogPostPage)
class BlogPostPageTranslation(BasePageTranslation):
    fields = ("intro", "body")
