#!/bin/sh
# Start handshake with the host (see containers/README.md): report ready, wait for the host
# to install the firewall rules and check them, then run the command, or refuse to.
ctl=/awf/ctl
echo ready > "$ctl/ready"
read -r answer < "$ctl/go" || answer=""
if [ "$answer" != "go" ]; then
  echo "awf: the sandbox could not be armed; the command was not run" >&2
  exit 125
fi
exec "$@"
