"""ui/nodelay.py: Nagle off on the app server's sockets (Streamlit binds its listener with proto 0, so
asyncio leaves it on and every response after the first on a connection waits for a delayed ACK)."""
from __future__ import annotations

import socket
import sys

import pytest

from ui import nodelay

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="accepted sockets inherit TCP_NODELAY on Linux")


def _nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_set_nodelay_only_on_tcp():
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        assert nodelay.set_nodelay(tcp) and _nodelay(tcp)
        assert not nodelay.set_nodelay(udp)
    finally:
        tcp.close()
        udp.close()


@linux
def test_patched_bind_gives_accepted_connections_nodelay(monkeypatch):
    srv = pytest.importorskip("streamlit.web.server.starlette.starlette_server")
    monkeypatch.setattr(srv, "_bind_socket", srv._bind_socket)     # undone after the test
    assert nodelay.patch_bind()
    listener = srv._bind_socket("127.0.0.1", 0, 8)
    try:
        assert listener.proto == 0                      # why asyncio would not set it itself
        client = socket.create_connection(listener.getsockname()[:2])
        listener.setblocking(True)
        conn, _ = listener.accept()
        try:
            assert _nodelay(conn)
        finally:
            conn.close()
            client.close()
    finally:
        listener.close()


@linux
def test_open_sockets_once_per_process(monkeypatch):
    monkeypatch.setattr(nodelay, "_done", False)
    a, b = socket.socket(), socket.socket()
    try:
        assert not _nodelay(a)
        assert nodelay.set_on_open_sockets() >= 2
        assert _nodelay(a) and _nodelay(b)
        assert a.fileno() >= 0                          # the descriptors stay open
        assert nodelay.set_on_open_sockets() == 0       # once
    finally:
        a.close()
        b.close()
