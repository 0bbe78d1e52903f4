"""Nagle's algorithm off on the app server's TCP sockets (``TCP_NODELAY``), as asyncio means it to be.

Streamlit's Starlette server (1.67) binds its listening socket itself, with ``proto`` 0; the
connections it accepts inherit that ``proto`` and asyncio turns Nagle off only on sockets whose
``proto`` is ``IPPROTO_TCP`` (``asyncio.base_events._set_nodelay``) — the bug uvicorn tracks as
Kludex/uvicorn#3149 for its own pre-bound sockets.  With Nagle on, every small write that follows
another on a keep-alive connection (a response body after its headers, a websocket message after
the last) waits for the browser's delayed ACK: ~40 ms each on Linux.  A fresh browser fetches ~60
of Streamlit's files over six connections, then a dozen more for the widgets, so the first page
waited ~0.5 s on these ACKs.

On Linux an accepted socket inherits ``TCP_NODELAY`` from the listening one, so setting it on the
listener is enough: :func:`patch_bind` does that as the server binds (``ui/serve.py``), and
:func:`set_on_open_sockets` on the sockets already open (the app's first run under a plain
``streamlit run``: the listener, for every later connection, and the page's own connections).
Both do nothing where they do not apply (another server, no ``/proc``).
"""
from __future__ import annotations

import os
import socket
import stat

_done = False


def set_nodelay(sock: socket.socket) -> bool:
    """``TCP_NODELAY`` on one TCP socket; False (and nothing done) for any other socket."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.type != socket.SOCK_STREAM:
        return False
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        return False
    return True


def patch_bind() -> bool:
    """Make Streamlit's Starlette server bind a listening socket with ``TCP_NODELAY`` (before it starts);
    False when this Streamlit has no such function (another server: nothing to do)."""
    try:
        from streamlit.web.server.starlette import starlette_server as srv
    except ImportError:
        return False
    bind = getattr(srv, "_bind_socket", None)
    if bind is None or getattr(bind, "_rc_nodelay", False):
        return bind is not None

    def bind_nodelay(*args, **kwargs) -> socket.socket:
        sock = bind(*args, **kwargs)
        set_nodelay(sock)
        return sock

    bind_nodelay._rc_nodelay = True  # type: ignore[attr-defined]
    srv._bind_socket = bind_nodelay
    return True


def set_on_open_sockets() -> int:
    """``TCP_NODELAY`` on every TCP socket this process has open (once per process); how many.
    Linux only (it lists ``/proc/self/fd``); elsewhere 0."""
    global _done
    if _done:
        return 0
    _done = True
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except (OSError, ValueError):
        return 0
    n = 0
    for fd in fds:
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            sock = socket.socket(fileno=fd)
        except OSError:
            continue
        try:
            n += set_nodelay(sock)
        finally:
            sock.detach()           # the descriptor stays the server's
    return n
