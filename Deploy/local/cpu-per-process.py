#!/usr/bin/env python3
"""CPU time per ticket by process kind in the middle of a `support bench pipeline` run (10 s from --start).

Reads every process's utime + stime from /proc twice and groups them: PostgreSQL backends of the bench
database, each worker kind, the benchmark itself, the rest. `cpu-per-ticket.sh` gives the machine total;
this says where it went.

    DATABASE_URL=$(Deploy/local/pg.sh url) Deploy/local/cpu-per-process.py .build-queue/release/support 60
"""
import collections
import os
import subprocess
import sys
import threading
import time

KINDS = ('worker routing', 'worker intake', 'worker escalation', 'worker arbitration', 'bench pipeline')


def snapshot():
    out = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            stat = open(f'/proc/{pid}/stat').read()
            cmd = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode(errors='replace')
        except OSError:
            continue
        fields = stat[stat.rfind(')') + 2:].split()
        out[pid] = (int(fields[11]) + int(fields[12]), cmd)
    return out


def kind(cmd):
    if cmd.startswith('postgres: support support_bench'):
        return 'postgres backends'
    if cmd.startswith('postgres') or '/postgres ' in cmd:
        return 'postgres other'
    return next((k for k in KINDS if k in cmd), 'other')


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: cpu-per-process.py SUPPORT_BINARY [RATE] [--start SECONDS]')
    binary = sys.argv[1]
    rate = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 60
    start = float(sys.argv[sys.argv.index('--start') + 1]) if '--start' in sys.argv else 12.0

    def measure():
        time.sleep(start)  # past the set-up (database, history, workers) into steady arrivals
        before, t0 = snapshot(), time.time()
        time.sleep(10)
        after, seconds = snapshot(), time.time() - t0
        ticks = collections.Counter()
        for pid, (t, cmd) in after.items():
            old, old_cmd = before.get(pid, (0, ''))
            ticks[kind(cmd or old_cmd)] += t - old
        per_ticket = 1000 / os.sysconf('SC_CLK_TCK') / (rate * seconds)
        for name, n in ticks.most_common():
            if n:
                print(f'cpu_ms_per_ticket kind="{name}" value={n * per_ticket:.2f}')
        print(f'cpu_ms_per_ticket kind="all" value={sum(ticks.values()) * per_ticket:.2f}')

    thread = threading.Thread(target=measure)
    thread.start()
    run = subprocess.run([binary, 'bench', 'pipeline', '--rate', str(rate), '--seconds', '25'],
                         capture_output=True, text=True)
    for line in run.stdout.splitlines():
        if line.startswith('peer') and ('p50' in line or 'p99' in line):
            print(line)
    thread.join()
    if run.returncode != 0:
        sys.exit(run.stderr[-2000:])


if __name__ == '__main__':
    main()
