import re

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Addresses that live outside the language prefixes (wiegosite/urls.py).
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/")
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that an address starting with an unknown language
    (/de/..., /zh-hans/...) or with a prefix-free section (/admin/...) is a plain 404 instead of
    being redirected to /en/de/... (every path is "valid" below a Wagtail catch-all, so Django
    would redirect)."""

    def process_response(self, request, response):
        if response.status_code == 404:
            if request.path_info.startswith(UNPREFIXED):
                return response  # /admin/nope/ is the admin's 404, not a public page's
            match = LANGUAGE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in self._language_codes():
                return response
        return super().process_response(request, response)

    @staticmethod
    def _language_codes():
        from django.conf import settings

        return {code for code, _name in settings.LANGUAGES}
