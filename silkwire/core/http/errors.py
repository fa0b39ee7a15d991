"""What :func:`silkwire.core.http.fetch` raises: a :class:`FetchError` subclass, never an HTTP
status."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch that produced no usable HTTP response."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class AddressNotAllowed(FetchError):
    """The URL's scheme, port or resolved address is not one we may connect to."""


class ResponseTooLarge(FetchError):
    """The body is larger than the cap for its kind."""


class TooManyRedirects(FetchError):
    """The redirect chain is longer than allowed."""


class FetchTimeout(FetchError):
    """Connecting, reading or the whole fetch took too long."""


class FetchFailed(FetchError):
    """DNS, connection, TLS or protocol failure."""
