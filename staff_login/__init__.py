"""Signing in to the admin: the client's real address behind the reverse proxy, lockout after
repeated failures (django-axes) with an unlock screen, and two-factor verification (django-otp)."""
