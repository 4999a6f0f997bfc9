"""A loopback TCP proxy in front of the platform that can cut a connection mid-response.

Mode "pass" forwards both ways. Mode "reset_response" forwards the request, lets the platform
answer in full (so it has applied the batch), relays only the first part of the answer and then
resets the connection (SO_LINGER 0: the client sees ECONNRESET, not a clean close).
"""
from __future__ import annotations

import socket
import struct
import threading


class FaultProxy:
    def __init__(self, target_port: int, relay_bytes: int = 40):
        self.target_port = target_port
        self.relay_bytes = relay_bytes
        self.mode = "pass"
        self.resets = 0
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def start(self) -> "FaultProxy":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        self.connections += 1
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        if self.mode == "pass":
            threading.Thread(target=_pump, args=(upstream, client), daemon=True).start()
            _pump(client, upstream)
            return
        request = _read_http_message(client)
        upstream.sendall(request)
        answer = _read_http_message(upstream)
        upstream.close()
        self.resets += 1        # counted before the client can see the reset
        client.sendall(answer[:self.relay_bytes])
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except OSError:
        pass   # the other direction closed first: the connection is over either way
    finally:
        for sock in (src, dst):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass   # already closed by the peer


def _read_http_message(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body
