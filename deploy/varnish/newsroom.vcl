# Varnish 7 in front of the Newsroom API (Debian's varnish 7.1 with varnish-modules 0.20 for xkey).
#
# - Public GETs and HEADs are cached by URL and host. Accept-Encoding is normalised by Varnish itself (gzip or
#   nothing, http_gzip_support): JSON, XML and text answers are stored gzipped once and unzipped for clients without
#   gzip. Cookies are dropped from public reads (the API reads none). Requests with Authorization, and everything
#   under /api/v1/admin, /api/v1/auth, /metrics and /health, are passed: never answered from the cache, never stored.
# - Lifetimes come from the API's Cache-Control: s-maxage (read by Varnish itself) for the fresh time,
#   stale-while-revalidate for the grace during which a stale copy is served while a fresh one is fetched, and
#   stale-if-error for how long a stale copy is still served while every backend is sick.
# - The API tags each public answer with the keys it shows (`xkey`, and `Surrogate-Key` for CDNs); a PURGE from the
#   purgers ACL with `xkey-purge: <key> <key>…` drops every object carrying one of them, `xkey-purge: *` all objects.
#   Both headers stay inside: clients never see them.
# - X-Cache tells HIT (fresh or within grace), MISS or PASS; Age is Varnish's own.
#
# The backends, the `api` director and the `purgers` ACL are the deployment's: ./backends.vcl, beside this file.

vcl 4.1;

import std;
import directors;
import xkey;

include "./backends.vcl";

sub vcl_recv {
    # A restart comes from vcl_hit only (a copy past its stale-while-revalidate): a client cannot ask for it.
    if (req.restarts == 0) {
        unset req.http.x-newsroom-fresh;
    }
    set req.backend_hint = api.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header required"));
        }
        if (req.http.xkey-purge == "*") {
            # Every object, whatever its keys; the ban lurker clears them in the background (obj.* only).
            if (!std.ban("obj.status != 0")) {
                return (synth(500, std.ban_error()));
            }
            return (synth(200, "Purged everything"));
        }
        set req.http.x-newsroom-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-newsroom-purged + " objects"));
    }

    if (req.http.x-newsroom-fresh) {
        # Past stale-while-revalidate with a healthy backend: a fresh answer, not the copy kept for stale-if-error.
        set req.grace = 0s;
    }

    # Case-insensitive like the API's routing: /API/V1/Admin reaches the same endpoints.
    if (req.url ~ "(?i)^/api/v1/(admin|auth)([/?]|$)" || req.url ~ "(?i)^/(metrics|health)([/?]|$)") {
        return (pass);
    }

    if (req.method == "GET" || req.method == "HEAD") {
        # The API reads no cookie: a site's analytics cookies must not make every public read a pass.
        unset req.http.Cookie;
    }
    # Varnish's built-in rules follow: Authorization (or any method but GET and HEAD) is passed.
}

sub vcl_hit {
    set req.http.x-newsroom-cache = "HIT";
    if (obj.ttl < 0s
        && obj.ttl + std.duration(real = std.real(obj.http.x-newsroom-swr, 0)) <= 0s
        && std.healthy(req.backend_hint)) {
        # Kept only for stale-if-error and the backend is up: wait for a fresh answer instead.
        set req.http.x-newsroom-fresh = "1";
        return (restart);
    }
}

sub vcl_miss {
    set req.http.x-newsroom-cache = "MISS";
}

sub vcl_pass {
    set req.http.x-newsroom-cache = "PASS";
}

sub vcl_backend_response {
    # Varnish has set beresp.ttl from s-maxage (else max-age) and beresp.grace from stale-while-revalidate (else
    # default_grace). The grace is remembered for vcl_hit, then extended by stale-if-error.
    set beresp.http.x-newsroom-swr = beresp.grace;
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = beresp.grace + std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # Kept past the grace for conditional fetches (If-None-Match with the API's ETags).
    set beresp.keep = 1h;
    # Compressed once here, for every client that takes gzip; Varnish unzips for those that do not (one object).
    if (beresp.http.Content-Type ~ "(?i)^(application/([a-z.+-]*\+)?(json|xml)|text/)" && !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
    # Varnish's built-in rules follow: no-store, private, Set-Cookie and Vary: * are never cached.
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.x-newsroom-cache;
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.x-newsroom-swr;
}

sub vcl_synth {
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
