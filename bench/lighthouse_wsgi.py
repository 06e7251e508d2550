"""The production WSGI application for `make lighthouse`, with WhiteNoise also serving the media
folder (the reverse proxy's job in production). Media files are listed at start-up, so
bench/lighthouse.py renders every page (making the renditions) before starting the server."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from whitenoise import WhiteNoise

application = WhiteNoise(get_wsgi_application())
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
