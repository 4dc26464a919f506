#!/usr/bin/env bash
# Stops the cluster start-cluster.sh started in STATE, by the process ids it recorded: its jobs first (they run
# under slurmstepd, not under slurmd), then the three daemons (TERM, then KILL after 10 s).
set -uo pipefail
STATE=${1:?usage: stop-cluster.sh STATE_FOLDER}
[ -f "$STATE/pids.env" ] || exit 0
. "$STATE/pids.env"
export SLURM_CONF="$STATE/slurm.conf"
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
if alive "${SLURMCTLD_PID:-}" && [ -n "$(squeue -h -o %i 2>/dev/null)" ]; then
  scancel --partition=test 2>/dev/null
  for _ in $(seq 100); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.1; done
fi
pids="${SLURMD_PID:-} ${SLURMCTLD_PID:-} ${MUNGED_PID:-}"
for pid in $pids; do alive "$pid" && kill -TERM "$pid"; done
for _ in $(seq 100); do
  left=; for pid in $pids; do alive "$pid" && left=1; done
  [ -z "$left" ] && break; sleep 0.1
done
for pid in $pids; do alive "$pid" && kill -KILL "$pid"; done
rm -f "$STATE/pids.env"
echo "slurm stopped"
