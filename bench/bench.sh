#!/usr/bin/env bash
# Measures servers side by side, in one run, on one machine: requests per second, and the
# ratio to nginx and to jwebserver. Ratios, not absolute numbers: those depend on the machine.
#
#   bench/bench.sh step4 step5 jwebserver nginx
#   bench/bench.sh --clients 1,16,256 --tool ab,wrk step5 step10 step14 jwebserver nginx
#   bench/bench.sh 'mine=cmd:java mine/HttpServer.java' step5 jwebserver nginx
#   bench/bench.sh --crowd 2000 --every 60 step14 jwebserver nginx    (a new client beside a crowd)
#   bench/bench.sh --upload 1M --requests 2000 step15 nginx            (uploads: PUT, not GET)
#   bench/bench.sh --range 1000-2023 step16 nginx                      (a part of a large file: Range)
#   bench/bench.sh --gzip 100K --tool ab,wrk step16 step17 nginx       (a text page, gzip-compressed)
#
# bench/README.md explains what is measured and how to read it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."   # the repository root: the steps and htdocs/ are here

usage() {
  cat <<'EOF'
Usage: bench/bench.sh [OPTIONS] SERVER...

SERVER is one of:
  stepN          this repository's step N (every .java file of its folder, compiled once
                 with javac, run with java -cp)
  jwebserver     the JDK's own file server (JDK 18 or newer: found in JAVA_HOME, on PATH or
                 under /usr/lib/jvm)
  nginx          nginx, if installed (Debian: apt-get install nginx-light)
  'cmd:COMMAND'  any server that takes its port as last argument (0 = any free port) and
                 prints "Listening on port N", e.g. 'cmd:java mine/HttpServer.java'
  'NAME=cmd:COMMAND'  the same, shown as NAME in the table, e.g. 'mine=cmd:java mine/HttpServer.java'
                 (words that name a file or folder from the repository root become absolute paths)
  'NAME=patch:stepN:DIFF'  step N with a change: its folder copied, DIFF (a git diff of a step's
                 sources; more: A.diff+B.diff) applied to its .java files, then compiled as a step, e.g.
                 'disk=patch:step17:bench/variants/gzip-on-disk.diff'
  nginx@N        (with --gzip) a second nginx, at gzip_comp_level N
All servers run at the same time, each serving its own copy of htdocs/ and logging every
request to a file (the steps print it, jwebserver with -o info, nginx with its access log).
They are measured in turn, round after round, so that a change in the machine's load
touches them all alike; the median of the rounds is reported.

Options:
  --tool ab          ab: a new connection per request; wrk: persistent connections, reused
                     when the server allows it; a list (ab,wrk) measures both (default: ab);
                     wrk-close: wrk, each request with Connection: close (a new connection per
                     request, in HTTP/1.1: ab speaks HTTP/1.0)
  --clients 16       clients at once; a list (1,16,256) measures each (default: 16)
  --requests 20000   requests per ab measurement (default: 20000)
  --duration 5       seconds per wrk measurement (default: 5)
  --rounds 3         rounds; the median is reported (default: 3)
  --path /index.html the page requested (default: /index.html)
  --wait-load 0.7    before measuring, wait until the machine is quiet: its 1-minute load
                     average below 0.7 (a look every 30 s, 10 minutes at most; Linux only)
  --cpu              one more column: the CPU time each server used per answer, in µs
                     (its processes' user and system time; Linux only). Unlike requests/s,
                     it changes little when other programs share the cores
  --crowd 2000       instead of requests per second: how long a new client waits while a crowd
                     holds the server. slowhttptest (Debian: apt-get install slowhttptest) opens
                     that many connections, each sending a request head that never ends: a
                     header line every --every seconds. Meanwhile curl asks for the page
                     --probes times, 0.2 s apart; the table shows the median and slowest answer
  --every 2          seconds between two header lines of a crowd's client: 2 is a slow crowd
                     (slowloris), 60 a silent one (default: 2)
  --probes 30        new clients asking during a crowd (default: 30)
  --upload 1M        instead of GET: each request PUTs a file of that size (head -c's sizes:
                     1K, 1M, 1000) to /uploads/bench.bin (ab -u; wrk with a Lua script), the
                     same name every time. nginx takes it in /uploads/ (dav_methods PUT,
                     client_max_body_size 16m); jwebserver takes no uploads, and is refused
  --range 1000-2023  every request asks for that part of the page (Range: bytes=1000-2023), by
                     default of /large.bin: 10 MB of random bytes, put in each server's copy of
                     htdocs/. jwebserver sends no parts (it ignores Range), and is refused
  --gzip 100K        every request says Accept-Encoding: gzip and, by default, asks for /text.html:
                     generated HTML of that size (head -c's sizes), the same in each server's
                     htdocs/; one more column, the bytes per answer, and a table of each server's
                     answer (nginx: gzip on, for step 17's types). jwebserver never compresses,
                     and is refused. ab speaks HTTP/1.0, which step 17 and nginx do not compress
  --gzip-level 6     nginx's gzip_comp_level with --gzip (default: 6, as java.util.zip's)
  --page 20K         asks for /text.html, --gzip's generated HTML of that size, without
                     Accept-Encoding: a page of any size, sent as it is stored
  --rss              one more column: the most memory (RSS, MiB) the server's processes held
                     during the measurement, looked at every 0.2 s
  --help             this text
EOF
}

tools=ab clients=16 requests=20000 duration=5 rounds=3 path=/index.html wait_load="" cpu="" crowd="" every=2 probes=30
upload="" range="" path_given="" gzip="" gzip_level=6 rss="" page=""
servers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tool) tools="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --path) path="$2"; path_given=yes; shift 2 ;;
    --wait-load) wait_load="$2"; shift 2 ;;
    --cpu) cpu=yes; shift ;;
    --crowd) crowd="$2"; shift 2 ;;
    --every) every="$2"; shift 2 ;;
    --probes) probes="$2"; shift 2 ;;
    --upload) upload="$2"; path=/uploads/bench.bin; shift 2 ;;
    --range) range="$2"; shift 2 ;;
    --gzip) gzip="$2"; shift 2 ;;
    --gzip-level) gzip_level="$2"; shift 2 ;;
    --page) page="$2"; shift 2 ;;
    --rss) rss=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) servers+=("$1"); shift ;;
  esac
done
[ ${#servers[@]} -gt 0 ] || { usage >&2; exit 2; }
if [ -n "$crowd" ]; then
  tools=ab,slowhttptest   # ab warms the servers up
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # a crowd needs more open files than the usual 1024
fi
for tool in $(tr , '\n' <<<"$tools" | sed 's/^wrk-close$/wrk/') curl; do   # curl tells whether a server keeps its connections
  command -v "$tool" >/dev/null || {
    echo "bench: $tool is not installed (Debian: apt-get install ${tool/ab/apache2-utils})" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# With --upload, every request PUTs the same body: ab reads it from a file, wrk from a Lua script.
ab_put=() wrk_put=() curl_put=()
if [ -n "$upload" ]; then
  head -c "$upload" /dev/urandom >"$work/upload.bin"
  printf 'wrk.method = "PUT"\nwrk.headers["Content-Type"] = "application/octet-stream"\n%s\n' \
    "local f = assert(io.open(\"$work/upload.bin\", \"rb\")); wrk.body = f:read(\"*a\"); f:close()" >"$work/put.lua"
  ab_put=(-u "$work/upload.bin" -T application/octet-stream) wrk_put=(-s "$work/put.lua") curl_put=(-T "$work/upload.bin")
fi
# With --range, every request (ab's, wrk's, curl's) asks for one part of the page; by default of a
# large file, the same bytes in every server's htdocs/. With --gzip, it accepts gzip: see bench/gzip.sh.
headers=()
if [ -n "$range" ]; then
  [ -n "$upload" ] && { echo "bench: --range is for GET, --upload for PUT: one or the other" >&2; exit 2; }
  [ -n "$path_given" ] || { path=/large.bin; head -c 10000000 /dev/urandom >"$work/large.bin"; }
  headers=(-H "Range: bytes=$range")
fi
if [ -n "$gzip" ]; then
  [ -n "$upload$range" ] && { echo "bench: --gzip is for a whole page: not with --upload or --range" >&2; exit 2; }
  . bench/gzip.sh
  [ -n "$path_given" ] || { path=/text.html; text_page "$gzip" >"$work/text.html"; }
  headers=(-H "Accept-Encoding: gzip")
fi
if [ -n "$page" ]; then   # the same text, not compressed: a page of any size
  [ -n "$upload$range$gzip" ] && { echo "bench: --page is a page of its own: not with --upload, --range or --gzip" >&2; exit 2; }
  . bench/gzip.sh
  [ -n "$path_given" ] || { path=/text.html; text_page "$page" >"$work/text.html"; }
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

find_jwebserver() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/jwebserver"} "$(command -v jwebserver || true)" \
                   $(ls -d /usr/lib/jvm/*/bin/jwebserver 2>/dev/null | sort -V -r); do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  return 1
}

# wait_for_port PORT: until something accepts connections there (10 s at most).
wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on port $1 after 10 s" >&2
  return 1
}

# start_announcing DIR LOG COMMAND...: starts a server that prints "Listening on port N" in
# DIR; sets $port.
start_announcing() {
  local dir="$1" log="$2"; shift 2
  (cd "$dir" && exec "$@" 0) >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    port="$(sed -n 's/.*Listening on port \([0-9]*\).*/\1/p' "$log" | head -1)"
    [ -n "$port" ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: $* did not print 'Listening on port N'; its output:" >&2
  cat "$log" >&2
  exit 1
}

# start N SERVER: starts server number N in the background, in its own folder with a copy of
# htdocs/; sets $port.
start() {
  local dir="$work/server-$1" log="$work/server-$1.log" server="$2"
  mkdir -p "$dir" && cp -r htdocs "$dir/htdocs"
  chmod -R a+rX "$work"   # nginx's workers run as another user: they must read the pages
  [ -z "$upload" ] || { mkdir -p "$dir/htdocs/uploads" && chmod a+rwx "$dir/htdocs/uploads"; }   # and write uploads
  [ ! -f "$work/large.bin" ] || cp "$work/large.bin" "$dir/htdocs/large.bin"   # --range's large file
  [ ! -f "$work/text.html" ] || cp "$work/text.html" "$dir/htdocs/text.html"   # --gzip's text
  case "$server" in
    step[0-9]*)
      start_step "$dir" "$log" "$server" "$(ls -d "${server}"-*/src/main/java 2>/dev/null | head -1)" ;;
    patch:*|*=patch:*)   # stepN:DIFF[+DIFF...]: the step's folder copied here, each DIFF applied to its
      # sources: the paths of a git diff lose their folders (-p5), so a diff made on one step fits another
      local spec="${server#*patch:}" folder diff diffs
      folder="$(ls -d "${spec%%:*}"-*/ 2>/dev/null | head -1)"
      [ -n "$folder" ] || { echo "bench: no module ${spec%%:*}-* here" >&2; exit 2; }
      cp -r "$folder" "$dir/"
      diffs="${spec#*:}"
      for diff in ${diffs//+/ }; do
        patch -s -t -p5 -d "$dir/${folder}src/main/java" <"$diff" >&2 || { echo "bench: $diff does not apply to ${spec%%:*}" >&2; exit 1; }
      done
      start_step "$dir" "$log" "$server" "$dir/${folder%/}/src/main/java" ;;
    cmd:*|*=cmd:*)
      # The server runs in its own folder: a word that names a file or folder from here (the
      # repository root), such as mine/HttpServer.java, becomes its absolute path first.
      local word words=()
      # shellcheck disable=SC2086  # the command is split into words on purpose
      for word in ${server#*cmd:}; do
        if [ -e "$word" ]; then words+=("$(cd "$(dirname "$word")" && pwd)/$(basename "$word")"); else words+=("$word"); fi
      done
      start_announcing "$dir" "$log" "${words[@]}" ;;
    jwebserver)
      [ -z "$upload" ] || { echo "bench: jwebserver takes no uploads (it answers PUT with 405): leave it out of --upload" >&2; exit 2; }
      [ -z "$range" ] || { echo "bench: jwebserver ignores Range (it sends the whole file, 200): leave it out of --range" >&2; exit 2; }
      [ -z "$gzip" ] || { echo "bench: jwebserver never compresses: leave it out of --gzip" >&2; exit 2; }
      local jws; jws="$(find_jwebserver)" || { echo "bench: no jwebserver (needs a JDK 18+)" >&2; exit 2; }
      port="$(free_port)"
      "$jws" -b 127.0.0.1 -p "$port" -d "$dir/htdocs" -o info >"$log" 2>&1 &
      pids+=($!)
      wait_for_port "$port" ;;
    nginx|nginx@[0-9])
      local nginx; nginx="$(command -v nginx || echo /usr/sbin/nginx)"
      [ -x "$nginx" ] || { echo "bench: nginx is not installed" >&2; exit 2; }
      port="$(free_port)"
      cat >"$dir/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 4096; }
http {
  access_log $log;
  client_body_temp_path $dir/tmp;
  proxy_temp_path $dir/tmp;
  fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp;
  scgi_temp_path $dir/tmp;
  $([ -z "$gzip" ] || nginx_gzip "$([ "$server" = nginx ] && echo "$gzip_level" || echo "${server#nginx@}")")
  server {
    listen 127.0.0.1:$port;
    root $dir/htdocs;
    location /uploads/ {   # for --upload: PUT writes here, as step 15 does
      dav_methods PUT;
      create_full_put_path off;
      client_max_body_size 16m;
    }
  }
}
EOF
      "$nginx" -c "$dir/nginx.conf" -p "$dir" &
      pids+=($!)
      wait_for_port "$port" ;;
    *) echo "bench: unknown server $server (see --help)" >&2; exit 2 ;;
  esac
}

# start_step DIR LOG SERVER SOURCES: compiles every .java file of SOURCES, and starts HttpServer.
start_step() {
  [ -f "$4/HttpServer.java" ] || { echo "bench: no module $3-* here" >&2; exit 2; }
  # javac's warnings (the stop uses sun.misc.Signal) would fill the screen: shown only on failure.
  javac -d "$1/classes" "$4"/*.java 2>"$1/javac.log" || {
    cat "$1/javac.log" >&2
    echo "bench: javac failed for $3; the steps need a JDK 25 ($(javac -version 2>&1))" >&2
    exit 1; }
  start_announcing "$1" "$2" java -cp "$1/classes" HttpServer
}

# keeps_connections PORT: "yes" when the server answers a second request on the same
# connection, "no" when it closes it after each answer. curl asks twice and prints, for each
# request, how many connections it had to open: "1 0" means the second one reused the first.
keeps_connections() {
  local url="http://127.0.0.1:$1$path"
  if [ "$(curl -s -o /dev/null -o /dev/null -w '%{num_connects} ' ${headers[@]+"${headers[@]}"} \
         ${curl_put[@]+"${curl_put[@]}"} "$url" ${curl_put[@]+"${curl_put[@]}"} "$url")" = "1 0 " ]; then
    echo yes
  else
    echo no
  fi
}

# measure TOOL CLIENTS PORT KEEPS: one measurement; prints "REQUESTS_PER_SECOND ERRORS ANSWERS BYTES_PER_ANSWER".
measure() {
  local out url="http://127.0.0.1:$3$path" close=()
  [ "$1" != wrk-close ] || close=(-H "Connection: close")
  case "$1" in
    ab)
      out="$(ab -q -n "$requests" -c "$2" -s 10 ${ab_put[@]+"${ab_put[@]}"} ${headers[@]+"${headers[@]}"} \
        "$url" 2>&1 || true)"
      awk '/^Requests per second:/ {rps=$4} /^Failed requests:/ {failed=$3} /^Non-2xx responses:/ {bad=$3}
           /^Complete requests:/ {done=$3} /^apr_/ {aborted=1} /^Total transferred:/ {bytes=$3}
           END {print (rps ? rps : 0), failed + bad + (aborted ? 1 : 0), done + 0, (done ? bytes / done : 0)}' <<<"$out" ;;
    wrk|wrk-close)
      out="$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${duration}s" ${wrk_put[@]+"${wrk_put[@]}"} \
        ${headers[@]+"${headers[@]}"} ${close[@]+"${close[@]}"} "$url" 2>&1 || true)"
      # Errors: wrk's connect, write and timeout errors, and non-2xx answers. Its read errors
      # too, but only for a server that keeps its connections: wrk also counts a "read error"
      # for every answer that ends when the server closes the connection (an answer without
      # Content-Length, as the steps up to 5 send), although that answer is complete.
      # Bytes: wrk's "1.23GB read", 3 or 4 digits: the bytes per answer are rounded as much.
      awk -v keeps="$4" '/^Requests\/sec:/ {rps=$2} / requests in / {done=$1; bytes=$(NF-1) + 0
             unit=$(NF-1); sub(/^[0-9.]+/, "", unit); bytes *= (unit == "KB" ? 1024 : unit == "MB" ? 1048576 : unit == "GB" ? 1073741824 : 1)}
           /Socket errors:/ {gsub(",", ""); errors=$4+$8+$10; if (keeps == "yes") errors+=$6}
           /Non-2xx or 3xx responses:/ {bad=$5} END {print (rps ? rps : 0), errors + bad, done + 0, (done ? bytes / done : 0)}' <<<"$out" ;;
  esac
}

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

# peak_rss PID: every 0.2 s, until killed, the most RSS (MiB) that PID and its children held so far.
peak_rss() {
  local most=0 now
  while now="$(ps -o rss= -p "$1" --ppid "$1" 2>/dev/null | awk '{kib += $1} END {print int(kib / 1024)}')"; do
    [ "$now" -le "$most" ] || { most="$now"; echo "$most"; }
    sleep 0.2
  done
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?"; }   # the 1-minute load average
if [ -n "$wait_load" ] && [ -r /proc/loadavg ]; then
  # Other programs on the machine take the cores the servers and the load tools need.
  for _ in $(seq 1 20); do
    awk -v l="$(load)" -v max="$wait_load" 'BEGIN {exit !(l < max)}' && break
    echo "bench: load average $(load), waiting until it is below $wait_load ..." >&2
    sleep 30
  done
fi

os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//'),"\
     "$os, $(uname -sr); $(date -u +%Y-%m-%d)"
echo "Java: steps and cmd: $(java -version 2>&1 | head -1)$(jws="$(find_jwebserver 2>/dev/null)" &&
     echo "; jwebserver: $("$(dirname "$jws")/java" -version 2>&1 | head -1)")"
[ -n "$crowd" ] || echo "$([ -n "$upload" ] && echo "Upload: PUT $path, $(wc -c <"$work/upload.bin") bytes each" ||
     echo "Page: $path ($(wc -c <"$([ -f "$work$path" ] && echo "$work" || echo htdocs)$path") bytes)${range:+, Range: bytes=$range}${gzip:+, Accept-Encoding: gzip; nginx: gzip_comp_level $gzip_level}"); median of $rounds $([ "$rounds" = 1 ] && echo round || echo rounds);" \
     "ab: $requests requests, a new connection each; wrk: ${duration} s, persistent connections"
echo "Load average (1 min) before: $(load)"

if [ -n "$cpu" ] && [ ! -r /proc/self/stat ]; then
  echo "bench: --cpu reads /proc, which this system does not have: no CPU column" >&2; cpu=""
fi
declare -A port_of pid_of keeps_of rates errors_of cpus bytes_of rss_of wire_of
label() { sed 's/=\(cmd\|patch\):.*//' <<<"$1"; }   # a server's name in the tables
for i in "${!servers[@]}"; do
  start "$i" "${servers[$i]}"
  port_of["${servers[$i]}"]="$port"
  pid_of["${servers[$i]}"]="${pids[-1]}"
  keeps_of["${servers[$i]}"]="$(keeps_connections "$port")"
  if [ -n "$range" ]; then   # a server that ignores Range sends the whole page: its speed is not a part's
    status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "http://127.0.0.1:$port$path")"
    [ "$status" = 206 ] || echo "bench: $(label "${servers[$i]}") answers Range: bytes=$range with $status, not 206" \
      "Partial Content: it is measured sending the whole page" >&2
  fi
  [ -z "$gzip" ] || gzip_check "${servers[$i]}" "$port"   # a server that does not compress is named
  # Warm-up: the JIT compiles the hot paths of a Java server (with --gzip, wrk's: ab's HTTP/1.0 gets no gzip).
  measure "$([ -n "$gzip" ] && echo wrk || echo ab)" 16 "$port" no >/dev/null
done

if [ -n "$crowd" ]; then
  echo "Page: $path; a crowd of $crowd clients, each sending a header line every $every s;" \
       "$probes new clients, 0.2 s apart; an answer is a 200 within 10 s"
  echo
  echo "| server | crowd's connections, first probe → last | answers | median ms | slowest ms | over 1 s |"
  echo "|---|---:|---:|---:|---:|---:|"
  for server in "${servers[@]}"; do
    read -r first last answers med slowest over < <(crowd_probe "${port_of[$server]}")
    printf '| %s | %s → %s | %s of %s | %s | %s | %s |\n' "$(label "$server")" "$first" "$last" "$answers" "$probes" \
      "$med" "$slowest" "$over"
  done
  echo
  echo "Load average (1 min) after: $(load)"
  exit 0
fi

for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds ..." >&2
  for tool in ${tools//,/ }; do
    for c in ${clients//,/ }; do
      for server in "${servers[@]}"; do
        [ -n "$cpu" ] && ticks="$(cpu_ticks "${pid_of[$server]}")"
        [ -z "$rss" ] || { peak_rss "${pid_of[$server]}" >"$work/rss" & sampler=$!; }
        read -r rate errs answers bytes < <(measure "$tool" "$c" "${port_of[$server]}" "${keeps_of[$server]}")
        [ -z "$rss" ] || { kill "$sampler"; wait "$sampler" 2>/dev/null || true; }
        key="$server,$tool,$c"
        rates["$key"]="${rates[$key]:-} $rate"
        bytes_of["$key"]="${bytes_of[$key]:-} $bytes"
        [ -z "$rss" ] || rss_of["$key"]="${rss_of[$key]:-} $(tail -1 "$work/rss")"
        if [ -n "$cpu" ]; then   # µs of CPU per answer
          cpus["$key"]="${cpus[$key]:-} $(awk -v t=$(( $(cpu_ticks "${pid_of[$server]}") - ticks )) -v hz="$(getconf CLK_TCK)" \
            -v n="$answers" 'BEGIN {printf "%.1f", (n > 0 ? t / hz * 1e6 / n : 0)}')"
        fi
        errors_of["$key"]=$(( ${errors_of[$key]:-0} + errs ))
      done
    done
  done
done
echo "Load average (1 min) after: $(load)"
echo

ratio() { # ratio A B: A/B with two decimals, or "-" when B is unknown
  if [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; else echo "-"; fi
}
median_of() { tr ' ' '\n' <<<"${rates[$1]:-}" | grep . | median; }
# The columns of --cpu, --gzip (bytes per answer) and --rss: empty strings without them.
more_columns() { [ -z "$cpu" ] || printf ' %s |' "$1"; [ -z "$gzip" ] || printf ' %s |' "$2"; [ -z "$rss" ] || printf ' %s |' "$3"; }
# connections: "new" when each request had a connection of its own (ab always; wrk when the
# server closes the connection after each answer), "kept" when wrk sent request after request
# on the same connections.
echo "| server | tool | connections | clients | requests/s | × nginx | × jwebserver | errors |$(more_columns \
  'CPU µs/answer' 'bytes/answer' 'RSS MiB, most')"
echo "|---|---|---|---:|---:|---:|---:|---:|$(more_columns ---: ---: ---:)"
for tool in ${tools//,/ }; do
  for c in ${clients//,/ }; do
    nginx_rate=""; jws_rate=""
    [ -n "${rates[nginx,$tool,$c]:-}" ] && nginx_rate="$(median_of "nginx,$tool,$c")"
    [ -n "${rates[jwebserver,$tool,$c]:-}" ] && jws_rate="$(median_of "jwebserver,$tool,$c")"
    for server in "${servers[@]}"; do
      rate="$(median_of "$server,$tool,$c")"
      connections=new
      [ "$tool" = wrk ] && [ "${keeps_of[$server]}" = yes ] && connections=kept
      printf '| %s | %s | %s | %s | %.0f | %s | %s | %s |%s\n' "$(label "$server")" "$tool" "$connections" "$c" "$rate" \
        "$(ratio "$rate" "$nginx_rate")" "$(ratio "$rate" "$jws_rate")" "${errors_of[$server,$tool,$c]}" \
        "$(more_columns "$(tr ' ' '\n' <<<"${cpus[$server,$tool,$c]:-}" | grep . | median)" \
           "$(tr ' ' '\n' <<<"${bytes_of[$server,$tool,$c]}" | grep . | median | xargs printf '%.0f')" \
           "$(tr ' ' '\n' <<<"${rss_of[$server,$tool,$c]:-}" | grep . | sort -n | tail -1)")"
    done
  done
done
[ -z "$gzip" ] || gzip_table   # each server's answer: coding, framing, sizes
