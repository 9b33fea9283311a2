"""Fixtures for the whole suite: a network that refuses every connection and records the attempt."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a socket or resolve a host name."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Make socket.socket, create_connection and getaddrinfo raise; fail the test if anything tried.

    Yields the list of attempts, so a test can also see what was tried. The check at the end catches
    code that swallows the error and carries on.
    """
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}")
            raise NetworkBlocked(f"network access attempted: socket.{name}{args!r}")

        return blocked

    class BlockedSocket(socket.socket):
        """A socket class that cannot be created (still a class, so modules may subclass it)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse("socket")(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert not attempts, f"code tried to use the network: {attempts}"
