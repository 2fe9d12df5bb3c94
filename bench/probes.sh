# Sourced by bench/bench.sh: the probes that look at a server while it is measured, beside the
# load tools. Uses bench.sh's variables ($crowd, $every, $probes, $path, $work).
# shellcheck shell=bash

# crowd_probe PORT: a crowd of $crowd slow clients, and $probes new clients beside it; prints
# "HELD_BEFORE HELD_AFTER ANSWERS MEDIAN_MS SLOWEST_MS OVER_1_S": the crowd's connections when the
# probes began and when they ended, then what the probes saw (an answer is a 200 within 10 s).
crowd_probe() {
  local url="http://127.0.0.1:$1$path" before=-1 now first last
  slowhttptest -H -c "$crowd" -r "$crowd" -i "$every" -l 600 -p 10 -u "$url" >"$work/crowd-$1.log" 2>&1 &
  local attacker=$!
  for _ in $(seq 1 30); do   # until the crowd is in: its connections stop growing (15 s at most)
    sleep 0.5
    now="$(held "$1")"
    [ "$now" -ge "$crowd" ] || [ "$now" = "$before" ] && [ "$now" -gt 0 ] && break
    before="$now"
  done
  first="$(held "$1")"
  for _ in $(seq 1 "$probes"); do
    curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' "$url" || true
    sleep 0.2
  done >"$work/probes-$1.txt"
  last="$(held "$1")"
  kill "$attacker" 2>/dev/null || true   # slowhttptest may have ended (its -l is the most it runs)
  wait "$attacker" 2>/dev/null || true
  awk '$1 == 200 {print $2 * 1000}' "$work/probes-$1.txt" | sort -n |
    awk -v first="$first" -v last="$last" '{t[++n] = $1; if ($1 > 1000) over++}
      END {printf "%d %d %d %.0f %.0f %d\n", first, last, n, (n ? t[int((n + 1) / 2)] : 0), (n ? t[n] : 0), over}'
  sleep 1   # the server sees the crowd's connections close
}

# held PORT: the connections open to PORT, as the clients see them (the crowd's, and a probe's).
held() { ss -Htn state established "( dport = :$1 )" | wc -l; }

# cpu_ticks PID: the CPU time (user and system, in clock ticks) of a process and of its children,
# such as nginx's workers, from /proc.
cpu_ticks() {
  local pid ticks=0
  for pid in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$ticks"
}

# switches PID: the context switches of every thread of a process and of its children, from /proc:
# each is the system taking a core from a thread, which waits (voluntary) or is preempted (not).
# A thread that ends during a measurement takes its count with it: a server with a thread per
# connection that ends with it (none of the steps, nor nginx) shows fewer than it made.
switches() {
  local pid
  for pid in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    cat /proc/"$pid"/task/*/status 2>/dev/null || true
  done | awk '/^(nonv|v)oluntary_ctxt_switches:/ {n += $2} END {print n + 0}'
}

# peak_rss PID: every 0.2 s, until killed, the most RSS (MiB) that PID and its children held so far.
peak_rss() {
  local most=0 now
  while now="$(ps -o rss= -p "$1" --ppid "$1" 2>/dev/null | awk '{kib += $1} END {print int(kib / 1024)}')"; do
    [ "$now" -le "$most" ] || { most="$now"; echo "$most"; }
    sleep 0.2
  done
}
