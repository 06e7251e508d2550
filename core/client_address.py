"""The address a request really comes from, which lockouts are counted by.

Behind the reverse proxy every request arrives from the proxy's address, so the proxy's
`X-Forwarded-For` names the client. That header is believed only when the request comes from
one of `settings.TRUSTED_PROXIES` (addresses or networks), and then read from the right: each
trusted proxy appends the address it received the request from, so the first address from the
right that is not a trusted proxy is the client. Whatever a client wrote into the header itself
stands to the left of that and is never used, so nobody can pose as another address, and one
attacker cannot lock out other people by naming their addresses.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


@lru_cache(maxsize=1)
def trusted_networks():
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in settings.TRUSTED_PROXIES)


@receiver(setting_changed)
def _forget_trusted_networks(*, setting, **kwargs):
    if setting == "TRUSTED_PROXIES":
        trusted_networks.cache_clear()


def _address(text):
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _trusted(address):
    return any(address in network for network in trusted_networks())


def client_address(request):
    """The client's address as text (for django-axes: AXES_CLIENT_IP_CALLABLE)."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return request.META.get("REMOTE_ADDR") or None
    if not _trusted(peer):
        return str(peer)
    nearest = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            break  # not written by a proxy of ours: the nearest trusted hop is all we know
        nearest = address
        if not _trusted(address):
            break
    return str(nearest)
