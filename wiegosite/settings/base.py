"""Settings shared by every environment. Secure by default: DEBUG is off.

Values that differ between machines come from environment variables, documented in
`.env.example`. `dev.py`, `test.py` and `production.py` override only what they must.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

import languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps it translates. The
    # makemigrations/migrate of wagtail-modeltranslation create the per-language columns of
    # wagtailcore.Page without a migration inside wagtailcore; core's own `migrate` (it wins by
    # being listed first) extends theirs to fill those columns for existing pages.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "core",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    # Country names in every language (CLDR), for the events' countries.
    "django_countries",
    # The site's apps, lowest layer first (docs/architecture.md): content areas, the pages that
    # list several areas, then the translators' tools and the demo content.
    "legacy_wiegosite",  # migration history only (label "wiegosite")
    "places",
    "worker_groups",
    "people",
    "programmes",
    "publications",
    "standard_pages",
    "news",
    "events",
    "home",
    "search",
    "seo",
    "translations",
    "demo",
    "staff_login",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wiegosite.middleware.DatabaseUnavailableMiddleware",  # 503 page while the database is unreachable
    # Response headers (see "The admin's defences and response headers" below).
    "wiegosite.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wiegosite.middleware.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wiegosite.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wiegosite.middleware.ReadOnlyPublicSiteMiddleware",  # GET and HEAD only, outside the admin
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in: the code after the password (staff_login.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "staff_login.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "translations.middleware.TranslatorLimitsMiddleware",  # translators may not delete images
    # Last, as django-axes asks: answers a sign-in attempt while locked out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wiegosite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "wiegosite.wsgi.application"

# SQLite when DATABASE_URL is unset (first local run); PostgreSQL in CI and production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compiling: it pays off for long analytical queries, not a page's short ones, and
    # tables never analysed (a new site's, or one-row section tables autovacuum never reaches)
    # give the planner cost estimates that start it: 2 s of compiling for a programme listing.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The shared Redis cache. It fails open: while Redis is down or slow every read is a miss
    and every write is dropped (each logged, DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS), so pages are
    built from the database. Short timeouts keep an unreachable Redis from holding requests up."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "wiegosite"),
        "TIMEOUT": 300,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.25")),
            "SOCKET_TIMEOUT": float(env("REDIS_SOCKET_TIMEOUT", "0.5")),
            "IGNORE_EXCEPTIONS": True,
        },
    }


# One Redis serves every app server in production; local runs and tests use memory.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source language and the fallback for every field.
# Every language fact comes from the registry (languages/__init__.py).
LANGUAGE_CODE = languages.SOURCE_LANGUAGE
LANGUAGES = languages.django_languages()
LOCALE_PATHS = [BASE_DIR / "locale"]
# British English and lower-case Portuguese months (languages/formats/); the codes stay en and pt.
FORMAT_MODULE_PATH = ["languages.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = languages.SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = languages.LANGUAGE_CODES
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": (languages.SOURCE_LANGUAGE,)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The admin language chooser of wagtail-modeltranslation hides all but one language's fields;
# translators must see English beside their own language, so it stays off.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

# Wagtail's own i18n (Locale-per-tree) is not used: languages are columns, not trees.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES[:1]
# The admin in the editor's chosen language (each language's admin catalogue code is in the
# registry: Portuguese is pt-br). Saves run in English whatever the admin language.
WAGTAILADMIN_PERMITTED_LANGUAGES = languages.admin_languages()

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

WAGTAIL_SITE_NAME = "WIEGO"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
# Restrictable like every translated model's form: translators edit only their languages' alt
# text and caption (core.forms, translations.read_only_fields).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.TranslatedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "csv", "txt"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILREDIRECTS_AUTO_CREATE = False  # redirects on rename are made per language by core.redirects

# The admin makes no request to other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# Security defaults; production.py turns on the HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True

# -- The admin's defences and response headers ------------------------------------------------
# (README, "Production": the admin's protection.) Kept together, apart from the rest.

# Content-Security-Policy (django-csp, wiegosite.middleware.ContentSecurityPolicyMiddleware).
# Public pages: nothing from other hosts, no inline script or style (tests/browser checks it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# The admin: nothing from other hosts and no eval; 'unsafe-inline' in two places only (README,
# "The admin's protection"): script-src, because Wagtail 7.4 writes inline <script> elements
# into its forms (every chooser widget, InlinePanel, the date pickers; wagtail-modeltranslation's
# editor settings) from code that has no request to take a nonce from, and its JavaScript
# re-inserts them when a row or block is added; style-src-elem (<style> elements, not style
# attributes), because Draftail, the rich text editor, writes one per editor for its empty-block
# prompts. blob: images are the previews of images chosen for upload.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'"],
    "style-src-elem": ["'self'", "'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Feeds, citations, sitemaps, documents and anything else that is not HTML.
CONTENT_SECURITY_POLICY_NOT_HTML = {"default-src": ["'none'"]}

# Sign-in lockout (django-axes, staff_login.lockouts): 5 failures for one username from one client
# address lock that pair out for an hour; other addresses are not affected. Superusers unlock
# in Settings -> Sign-in lockouts. Failures are logged (logger "axes", WARNING).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff_login.lockouts.locked_out"
# Log the username and address of each failure (passwords are always masked): an operator must
# be able to see who is being guessed at, and from where.
AXES_SENSITIVE_PARAMETERS = []
# The client's address behind the reverse proxy (staff_login.client_address): X-Forwarded-For is
# believed only from these addresses or networks (comma-separated, e.g. "127.0.0.1,10.0.0.0/8").
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "staff_login.client_address.client_address"

# Two-step sign-in (django-otp, staff_login.two_factor): an authenticator app's code after the
# password, or a backup code. On, everyone who can use the admin must set it up; off (the local
# demo, tests), only those who did are asked for a code. dev.py and test.py turn it off.
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the account's name in the authenticator app

# Powerful browser features no page of the site uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable (see .env.example).")


# -- Bad input: rich text and uploads -----------------------------------------------------------
# The rich text editor opens any stored markup (a broken link or unbalanced tags from a file or a
# script) in a repaired form instead of failing (core.rich_text).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "core.rich_text.SafeDraftailRichTextArea"}}
# Documents: the content must match the extension (core.document_files), and a size limit, in MB
# (the reverse proxy must accept a little more: README, "Production").
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.document_forms.CheckedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("MAX_DOCUMENT_UPLOAD_MB", "50")) * 1024 * 1024
