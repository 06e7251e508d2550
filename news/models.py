"""News articles and blog posts, and the two listings that hold them.

A news article reports what happened (schema.org `NewsArticle`); a blog post is a signed opinion
or reflection (`BlogPosting`). They share their fields, listing and feeds (`PostPage`,
`PostIndexPage`) but are two page types, so that editors, search results and structured data
say which is which, and each listing takes only its own kind.
"""

from django.db import models
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core import listing_filters, sites
from core import page_languages as languages
from core.blocks import BodyBlock
from core.feeds import feed_links
from core.listings import attach_listing_images, paginate
from core.models import BasePage, IndexPageMixin, image_field

HEADLINE_LENGTH = 110  # what search engines show of a headline


class PostIndexPage(IndexPageMixin, BasePage):
    """A listing of posts of one kind: newest first, filterable by every taxonomy and the year,
    paginated, with RSS and Atom feeds of the same filters."""

    post_model = None

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("items_per_page"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        abstract = True

    def posts(self):
        return (
            self.post_model.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-display_date", "-pk")
        )

    def serve(self, request, *args, **kwargs):
        # The filter form submits every field, chosen or not: one clean address per choice.
        return listing_filters.redirect_to_clean(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = listing_filters.SectionFilter().run(request, self.posts())
        items = paginate(request, listing.pages, self.items_per_page)
        items.object_list = attach_listing_images(items.object_list)
        context.update(
            items=items,
            query=listing.query,
            facets=listing.facets,
            noindex=listing.noindex,
            feeds=feed_links("post_feed", listing_filters.feed_query_string(request.GET), label=self.title, pk=self.pk),
        )
        return context


class PostPage(BasePage):
    """What news articles and blog posts share."""

    schema_type = None  # the schema.org type of the page's JSON-LD

    intro = models.TextField(_("introduction"), help_text=_("The opening paragraph, shown in bold above the text."))
    lead_image = image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    open_graph_type = "article"  # a dated piece of writing
    main_text_fields = ("intro", "body")
    card_text_fields = ("teaser", "intro")
    subpage_types = []
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("post_authors", label=_("Authors"), heading=_("Authors")),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing and date")),
    ]

    class Meta:
        abstract = True

    def author_list(self):
        """The post's authors (people pages), in the editor's order."""
        return [link.person for link in self.post_authors.all() if link.person.live]

    def structured_data(self, request, *, image=None, publisher=None):
        language = sites.content_language(self)
        url = languages.canonical_url(self, request)
        data = {
            "@context": sites.SCHEMA_CONTEXT,
            "@type": self.schema_type,
            "headline": Truncator(self.title).chars(HEADLINE_LENGTH),
            "name": self.title,
            "description": self.teaser or self.intro,
            "datePublished": self.display_date.isoformat(),
            "inLanguage": language,
            "url": url,
            "mainEntityOfPage": url,
            "author": [author.schema_org_agent(publisher) for author in self.author_list()] or [publisher],
            "publisher": publisher,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat(timespec="seconds")
        if image:
            data["image"] = {
                "@type": "ImageObject",
                "url": image["url"],
                "width": image["width"],
                "height": image["height"],
            }
        return [data]


class PostAuthor(Orderable):
    """An author of a news article or blog post: the same people as the library's authors. Keyed
    on the base page, like the tags, so both post types share it."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="post_authors")
    person = models.ForeignKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "person")]
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class NewsArticlePage(PostPage):
    schema_type = "NewsArticle"
    type_label = _("News")  # what visitors see in listings and search results
    related_listing_type, related_listing_label, related_listing_order = "news", _("News"), 5
    parent_page_types = ["news.NewsIndexPage"]
    template = "news/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class BlogPostPage(PostPage):
    schema_type = "BlogPosting"
    type_label = _("Blog post")
    related_listing_type, related_listing_label, related_listing_order = "blog", _("Blog posts"), 6
    parent_page_types = ["news.BlogIndexPage"]
    template = "news/blog_post_page.html"

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")


class NewsIndexPage(PostIndexPage):
    post_model = NewsArticlePage
    type_label = _("News")
    subpage_types = ["news.NewsArticlePage"]
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("news index page")


class BlogIndexPage(PostIndexPage):
    post_model = BlogPostPage
    type_label = _("Blog")
    subpage_types = ["news.BlogPostPage"]
    template = "news/blog_index_page.html"

    class Meta:
        verbose_name = _("blog index page")


INDEX_PAGE_TYPES = (NewsIndexPage, BlogIndexPage)


def live_index_page(pk):
    """The live, public news or blog listing with this id, else 404."""
    for model in INDEX_PAGE_TYPES:
        page = model.objects.live().public().filter(pk=pk).first()
        if page is not None:
            return page
    raise Http404("No such listing")
