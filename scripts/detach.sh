#!/usr/bin/env bash
# Runs a daemon in its own session without the descriptors its caller inherited beyond stdin,
# stdout and stderr (callers redirect those to files). A daemon that kept a caller's flock(1)
# descriptor held the integration tests' lock for as long as it lived; one that kept CI's output
# pipe would hold the whole run open until its time limit.
#   detach.sh COMMAND [ARG...]
exec python3 -c '
import os, sys
os.closerange(3, os.sysconf("SC_OPEN_MAX"))
os.execvp("setsid", ["setsid"] + sys.argv[1:])
' "$@"
