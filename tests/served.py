"""An ASGI application served by uvicorn in a thread of the test process, on a free port, as in
production (Server-Sent Events, slow clients): `with served(application) as port: ...`."""

import contextlib
import socket
import threading
import time

import uvicorn


@contextlib.contextmanager
def served(application):
    """`application` served by uvicorn in a thread on a free port; yields the port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        application,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=5)
