#!/usr/bin/env python3
"""Logs every ICMP echo request the lab receives (with its payload) as a JSON line."""
import json, socket, sys, time

log = open(sys.argv[1], "a", buffering=1)
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
while True:
    packet, (peer, _) = s.recvfrom(65535)
    header = (packet[0] & 0x0F) * 4
    dst = socket.inet_ntoa(packet[16:20])
    if packet[header] != 8:  # echo requests only
        continue
    data = packet[header + 8:].decode("latin-1")
    log.write(json.dumps({"t": int(time.time() * 1000), "svc": "sink:icmp", "host": dst, "peer": peer, "data": data}) + "\n")
