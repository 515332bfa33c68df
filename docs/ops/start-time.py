#!/usr/bin/env python3
"""Start time of packaged jars (BENCHMARKS.md, Start time): python3 start-time.py a.jar[,b.jar] RUNS [JVM flags].
Each run: a fresh folder, free ports, health polled every 50 ms until UP, then the CPU of each thread and of the whole process; jars in turn.
Before and after the series it times a plain Python loop on one core (host speed): a shared VM's speed can move by a third within an hour, so compare jars within one series."""
import json, os, socket, subprocess, sys, tempfile, time, urllib.request, statistics, shutil
jars = [os.path.abspath(j) for j in sys.argv[1].split(',')]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 5
extra = sys.argv[3:]
tick = os.sysconf('SC_CLK_TCK')
def free():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p
def threads(pid):
    out = {}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            st = open(f'/proc/{pid}/task/{t}/stat').read()
        except OSError: continue
        name = st[st.index('(')+1:st.rindex(')')]
        f = st[st.rindex(')')+2:].split()
        cpu = (int(f[11]) + int(f[12])) / tick
        out[(int(t), name)] = cpu
    return out
def host_speed():
    t = time.perf_counter(); s = 0
    for i in range(20_000_000): s += i
    return time.perf_counter() - t
print(f'host speed before: plain loop {host_speed():.2f} s', flush=True)
rows = {j: [] for j in jars}
for i in range(n):
  for jar in jars:
      d = tempfile.mkdtemp(prefix='h11r-')
      port = free()
      cmd = ['java'] + extra + ['-jar', jar, '--set', f'http-port={port}', '--set', 'http-host=127.0.0.1',
             '--set', f'broker-listen=tcp://127.0.0.1:{free()}', '--set', 'inbox-quiet-ms=100', '--set', 'concurrency=2']
      t0 = time.monotonic()
      p = subprocess.Popen(cmd, cwd=d, stdout=open(os.path.join(d, 'service.log'), 'w'), stderr=subprocess.STDOUT)
      up = None
      while time.monotonic() - t0 < 25:
          try:
              with urllib.request.urlopen(f'http://127.0.0.1:{port}/observe/health', timeout=1) as r:
                  if json.loads(r.read()).get('status') == 'UP':
                      up = time.monotonic() - t0; break
          except Exception:
              pass
          time.sleep(0.05)
      th = threads(p.pid)
      main = sum(v for (tid, nm), v in th.items() if nm == 'java')
      c2 = sum(v for (tid, nm), v in th.items() if nm.startswith('C2'))
      c1 = sum(v for (tid, nm), v in th.items() if nm.startswith('C1'))
      st = open(f'/proc/{p.pid}/stat').read(); ff = st[st.rindex(')')+2:].split(); total = (int(ff[11]) + int(ff[12])) / tick
      top = sorted(((v, nm) for (tid, nm), v in th.items()), reverse=True)[:8]
      p.terminate(); p.wait(30)
      rows[jar].append((up, main, c2, c1, total))
      print(f'{os.path.basename(os.path.dirname(jar))} run {i+1}: wall {up if up is None else round(up,2)}s main {main:.2f} C2 {c2:.2f} C1 {c1:.2f} process {total:.2f} load {os.getloadavg()[0]:.2f}  top {top[:5]}', flush=True)
      shutil.rmtree(d, ignore_errors=True)
for jar in jars:
  print(jar)
  for k, name in enumerate(['wall', 'main', 'C2', 'C1', 'process']):
    v = [r[k] for r in rows[jar] if r[k] is not None]
    print(f'  {name}: median {statistics.median(v):.2f} ({min(v):.2f}-{max(v):.2f})')
print(f'host speed after: plain loop {host_speed():.2f} s')
