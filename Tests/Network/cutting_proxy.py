#!/usr/bin/env python3
"""A TCP proxy for end-to-end tests that cuts connections in the middle of an upload.

Forwards 127.0.0.1:<its port> to 127.0.0.1:TARGET. Every time another CUT_EVERY bytes have gone from
clients to the server, it resets the connection carrying them (both sides, RST), at most CUTS times.
Writes its port to PORT_FILE once listening, and {"cuts": n, "upstream": bytes} to STATS after each
cut and on exit. Used by Tests/SohoaCLITests/SubmissionEndToEndTests.swift.

usage: cutting_proxy.py TARGET CUT_EVERY CUTS PORT_FILE STATS
"""
import json
import signal
import socket
import struct
import sys
import threading

target, cut_every, cuts_allowed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
port_file, stats_file = sys.argv[4], sys.argv[5]
lock = threading.Lock()
state = {"cuts": 0, "upstream": 0, "since_cut": 0}


def write_stats():
    with open(stats_file, "w") as f:
        json.dump({"cuts": state["cuts"], "upstream": state["upstream"]}, f)


def reset(*sockets):
    for s in sockets:
        try:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
        except OSError:
            pass


def pump(source, sink, upstream, pair):
    try:
        while True:
            data = source.recv(16384)
            if not data:
                break
            if upstream:
                with lock:
                    state["upstream"] += len(data)
                    state["since_cut"] += len(data)
                    cut = state["cuts"] < cuts_allowed and state["since_cut"] >= cut_every
                    if cut:
                        state["cuts"] += 1
                        state["since_cut"] = 0
                        write_stats()
                if cut:
                    reset(*pair)
                    return
            sink.sendall(data)
    except OSError:
        pass
    finally:
        try:
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def serve(client):
    try:
        server = socket.create_connection(("127.0.0.1", target))
    except OSError:
        client.close()
        return
    pair = (client, server)
    threading.Thread(target=pump, args=(client, server, True, pair), daemon=True).start()
    threading.Thread(target=pump, args=(server, client, False, pair), daemon=True).start()


def main():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    write_stats()
    with open(port_file, "w") as f:
        f.write(str(listener.getsockname()[1]))
    signal.signal(signal.SIGTERM, lambda *_: (write_stats(), sys.exit(0)))
    while True:
        client, _ = listener.accept()
        serve(client)


main()
