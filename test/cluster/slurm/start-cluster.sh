#!/usr/bin/env bash
# Starts a single-node Slurm cluster for the tests: munged, slurmctld and slurmd, every file they use (munge key and
# socket, slurm.conf, state, spool, logs) under STATE, nothing in /etc or /run. Needs Debian's packages:
#   apt-get install -y --no-install-recommends slurm-wlm munge
# Writes STATE/pids.env (the daemons' process ids, for stop-cluster.sh) and STATE/slurm.conf (clients need
# SLURM_CONF=STATE/slurm.conf). Ports: SLURM_TEST_CTLD_PORT and SLURM_TEST_SLURMD_PORT (default 6817, 6818).
set -euo pipefail
STATE=${1:?usage: start-cluster.sh STATE_FOLDER}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
mkdir -p "$STATE/munge" "$STATE/state" "$STATE/spool" "$STATE/log"
# munged refuses a socket below a folder that others cannot enter; mktemp -d makes 0700 folders.
chmod 755 "$STATE" "$STATE/munge"
folder=$(dirname "$STATE")
while [ "$folder" != / ]; do
  if [ $(( 0$(stat -c %a "$folder") & 1 )) -eq 0 ]; then echo "munged needs $folder to be world-executable" >&2; exit 1; fi
  folder=$(dirname "$folder")
done

# On failure, stop what was started already.
cleanup() {
  local code=$?
  if [ "$code" -ne 0 ] && [ -f "$STATE/pids.env" ]; then
    . "$STATE/pids.env"
    kill ${SLURMD_PID:-} ${SLURMCTLD_PID:-} ${MUNGED_PID:-} 2>/dev/null || true
    echo "the cluster did not start; logs in $STATE/log" >&2
  fi
}
trap cleanup EXIT

SOCKET="$STATE/munge/munge.socket.2"
mungekey --create --keyfile="$STATE/munge/munge.key" --force
setsid munged --foreground --socket="$SOCKET" --key-file="$STATE/munge/munge.key" --pid-file="$STATE/munge/munged.pid" \
  --log-file="$STATE/log/munged.log" --seed-file="$STATE/munge/munged.seed" </dev/null >"$STATE/log/munged.out" 2>&1 &
echo "MUNGED_PID=$!" >"$STATE/pids.env"
for _ in $(seq 100); do [ -S "$SOCKET" ] && break; sleep 0.05; done
munge -S "$SOCKET" -n | unmunge -S "$SOCKET" >/dev/null

NODE=$(hostname -s)
USER_NAME=$(id -un)
# The node's hardware as slurmd sees it, with 90% of its memory.
HARDWARE=$(slurmd -C | head -1 | sed 's/^NodeName=[^ ]* //')
MEMORY=$(echo "$HARDWARE" | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')
HARDWARE=$(echo "$HARDWARE" | sed 's/ *RealMemory=[0-9]*//')
cat >"$STATE/slurm.conf" <<CONF
ClusterName=ttlabtest
SlurmctldHost=$NODE
SlurmctldPort=${SLURM_TEST_CTLD_PORT:-6817}
SlurmdPort=${SLURM_TEST_SLURMD_PORT:-6818}
SlurmUser=$USER_NAME
SlurmdUser=$USER_NAME
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MailProg=/bin/true
ReturnToService=2
# Start a task as soon as a core frees, not a couple of seconds later.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# A job whose dependency can never be met is cancelled instead of pending forever.
DependencyParameters=kill_invalid_depend
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
NodeName=$NODE $HARDWARE RealMemory=$(( MEMORY * 9 / 10 )) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$STATE/slurm.conf"

setsid slurmctld -D -f "$SLURM_CONF" </dev/null >"$STATE/log/slurmctld.out" 2>&1 &
echo "SLURMCTLD_PID=$!" >>"$STATE/pids.env"
setsid slurmd -D -f "$SLURM_CONF" </dev/null >"$STATE/log/slurmd.out" 2>&1 &
echo "SLURMD_PID=$!" >>"$STATE/pids.env"
. "$STATE/pids.env"

deadline=$(( $(date +%s) + 60 ))
until [ "$(sinfo -h -n "$NODE" -o %T 2>/dev/null)" = idle ]; do
  for pid in $MUNGED_PID $SLURMCTLD_PID $SLURMD_PID; do
    kill -0 "$pid" 2>/dev/null || { echo "daemon $pid stopped" >&2; tail -n 20 "$STATE"/log/*.out >&2; exit 1; }
  done
  [ "$(date +%s)" -lt "$deadline" ] || { echo "node $NODE not idle after 60 s" >&2; exit 1; }
  sleep 0.2
done
echo "slurm up: node $NODE idle"
