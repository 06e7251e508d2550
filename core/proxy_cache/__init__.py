"""The site's reverse-proxy cache (Varnish; docs/architecture.md, "Caching and purging").

- `keys`: while a response is built, what it shows is noted as cache keys (the page and its
  ancestors, the pages and types it lists, its pictures, the site settings); the response
  carries them in its `xkey` header.
- `headers`: which responses shared caches may keep, and for how long (`Cache-Control`).
- `purge`: after a change, the keys of everything it shows are purged from every proxy, outside
  the request and with a short timeout; a purge that fails is stored (`FailedPurge`) and retried.
"""
