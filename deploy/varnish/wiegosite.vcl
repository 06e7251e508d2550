vcl 4.1;
# The site's cache (Varnish 7, Debian's varnish + varnish-modules for xkey). Rendered by
# scripts/prod.py for the local stack; on servers, replace the {{...}} values (README, "Production").
#
# - Two app servers (gunicorn) behind a round-robin director, each probed on /health/.
# - /static/, /media/ and /documents/ go to nginx, which serves files from disk and streams
#   documents after Django's checks (X-Accel-Redirect), so no app worker waits on a slow client.
# - Only responses the site marks `Cache-Control: public` are cached (wiegosite's
#   CacheHeadersMiddleware); everything else, the admin and anyone signed in pass.
# - Objects are tagged with the site's `xkey` header; `PURGE` with `xkey-purge: key ...` from an
#   address in `purgers` drops every object with one of the keys (core.proxy_cache).

import directors;
import std;
import xkey;

probe health {
    .request =
        "GET /health/ HTTP/1.1"
        "Host: {{host}}"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app1 { .host = "{{app1_host}}"; .port = "{{app1_port}}"; .probe = health; .first_byte_timeout = 30s; }
backend app2 { .host = "{{app2_host}}"; .port = "{{app2_port}}"; .probe = health; .first_byte_timeout = 30s; }
backend files { .host = "{{files_host}}"; .port = "{{files_port}}"; }

acl purgers {
    "127.0.0.1";
    "::1";
    {{purgers}}
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            # Marks the objects stale (served while the new copy is fetched, or while the app is down).
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "No xkey-purge header"));
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # Files: nginx serves them (documents after the app's permission check).
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
        set req.backend_hint = files;
        return (pass);
    }
    if (req.url ~ "^/documents/") {
        set req.backend_hint = files;
        # A byte pipe: a slow download holds neither a cache thread's memory nor an app worker.
        return (pipe);
    }

    set req.backend_hint = apps.backend();
    if (std.healthy(req.backend_hint)) {
        # While an app server answers, a page past its lifetime is served stale at most this long
        # (the site's PUBLIC_CACHE_STALE_WHILE_REVALIDATE) while a fresh copy is fetched. While none
        # answers, the object's grace (its stale-if-error) applies.
        set req.grace = {{stale_while_revalidate}}s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/health/") {
        return (pass);
    }
    # Anyone signed in (a session cookie) gets pages made for them, never a cached copy.
    if (req.http.Cookie ~ "(^|;\s*){{session_cookie}}=") {
        return (pass);
    }
    # Visitors' other cookies (analytics, the CSRF token of a past sign-in) mean nothing to the
    # public site, which accepts only GET and HEAD outside the admin.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # One copy per address: the site answers on one host name (ALLOWED_HOSTS).
    hash_data(req.url);
    return (lookup);
}

sub vcl_pipe {
    set bereq.http.Connection = "close";
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Cache only what the site marked public; a cookie or `private` never goes to another visitor.
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)"
        || beresp.http.Cache-Control ~ "private|no-store|no-cache"
        || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish reads s-maxage and stale-while-revalidate itself; stale-if-error becomes the grace
    # kept for when no app server answers.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1") + "s", beresp.grace);
    }
    return (deliver);
}

sub vcl_backend_error {
    # An app server that stopped between two health probes: try the next one, once.
    if (bereq.retries < 1 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The keys are between the site and its cache; browsers and CDNs keep the Cache-Control.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
