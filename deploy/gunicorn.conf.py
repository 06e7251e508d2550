"""gunicorn settings for an app server (`gunicorn -c deploy/gunicorn.conf.py wiegosite.wsgi`).

Sync workers: Varnish in front buffers requests and answers, and nginx streams documents
(X-Accel-Redirect), so a worker is busy only while Django renders. The environment decides the
address and the number of workers (deploy/systemd/wiegosite-app@.service, scripts/prod.py).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# The proxies in front (Varnish, nginx) on this machine; their X-Forwarded-* headers are trusted.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
proc_name = "wiegosite"
