#!/usr/bin/env bash
# Measures servers side by side, in one run, on one machine: requests per second, and the
# ratio to nginx and to jwebserver. Ratios, not absolute numbers: those depend on the machine.
#
#   bench/bench.sh step4 step5 jwebserver nginx
#   bench/bench.sh --clients 1,16,256 --tool ab,wrk step5 jwebserver nginx
#   bench/bench.sh 'cmd:java mine/HttpServer.java' jwebserver nginx
#
# bench/README.md explains what is measured and how to read it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."   # the repository root: the steps and htdocs/ are here

usage() {
  cat <<'EOF'
Usage: bench/bench.sh [OPTIONS] SERVER...

SERVER is one of:
  stepN          this repository's step N (compiled once with javac, run with java -cp)
  jwebserver     the JDK's own file server (JDK 18 or newer: found in JAVA_HOME, on PATH or
                 under /usr/lib/jvm)
  nginx          nginx, if installed (Debian: apt-get install nginx-light)
  'cmd:COMMAND'  any server that takes its port as last argument (0 = any free port) and
                 prints "Listening on port N", e.g. 'cmd:java mine/HttpServer.java'
Every server serves a copy of htdocs/ and logs every request it gets (the steps print it,
jwebserver with -o info, nginx with its access log), to a file.

Options:
  --tool ab,wrk      ab: a new connection per request (ab -n); wrk: persistent connections,
                     reused when the server allows it (default: ab)
  --clients 16       clients at once; a list (1,16,256) measures each (default: 16)
  --requests 20000   requests per ab run (default: 20000)
  --duration 5       seconds per wrk run (default: 5)
  --runs 3           runs per measurement; the median is reported (default: 3)
  --path /index.html the page requested (default: /index.html)
  --help             this text
EOF
}

tools=ab clients=16 requests=20000 duration=5 runs=3 path=/index.html
servers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tool) tools="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --path) path="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) servers+=("$1"); shift ;;
  esac
done
[ ${#servers[@]} -gt 0 ] || { usage >&2; exit 2; }
for tool in ${tools//,/ }; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (Debian: apt-get install ${tool/ab/apache2-utils})" >&2; exit 2; }
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work/root" && cp -r htdocs "$work/root/htdocs"
chmod -R a+rX "$work"   # nginx workers run as another user: they must read the pages

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

# start_announcing LOG COMMAND...: starts a server that prints "Listening on port N"; sets $port.
start_announcing() {
  local log="$1"; shift
  (cd "$work/root" && exec "$@" 0) >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    port="$(sed -n 's/.*Listening on port \([0-9]*\).*/\1/p' "$log" | head -1)"
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: $* did not print 'Listening on port N'; its output:" >&2
  cat "$log" >&2
  exit 1
}

# start SERVER: starts it in the background, serving $work/root/htdocs; sets $server_pid, $port.
start() {
  local log="$work/server-$((++started)).log"
  case "$1" in
    step[0-9]*)
      local source
      source="$(ls -d "${1}"-*/src/main/java/HttpServer.java 2>/dev/null | head -1)"
      [ -n "$source" ] || { echo "bench: no module $1-* here" >&2; exit 2; }
      javac -d "$work/classes-$1" "$source"
      start_announcing "$log" java -cp "$work/classes-$1" HttpServer ;;
    cmd:*)
      # shellcheck disable=SC2086  # the command is split into words on purpose
      start_announcing "$log" ${1#cmd:} ;;
    jwebserver)
      local jws; jws="$(find_jwebserver)" || { echo "bench: no jwebserver (needs a JDK 18+)" >&2; exit 2; }
      port="$(free_port)"
      "$jws" -b 127.0.0.1 -p "$port" -d "$work/root/htdocs" -o info >"$log" 2>&1 &
      server_pid=$!
      wait_for_port "$port" ;;
    nginx)
      command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "bench: nginx is not installed" >&2; exit 2; }
      port="$(free_port)"
      mkdir -p "$work/nginx"
      cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log $log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$port;
    root $work/root/htdocs;
  }
}
EOF
      "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx/nginx.conf" -p "$work/nginx" &
      server_pid=$!
      wait_for_port "$port" ;;
    *) echo "bench: unknown server $1 (see --help)" >&2; exit 2 ;;
  esac
}

stop() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# measure TOOL CLIENTS: one run against $port; prints "REQUESTS_PER_SECOND ERRORS".
measure() {
  local out url="http://127.0.0.1:$port$path"
  case "$1" in
    ab)
      out="$(ab -q -n "$requests" -c "$2" -s 10 "$url" 2>&1 || true)"
      awk '/^Requests per second:/ {rps=$4} /^Failed requests:/ {failed=$3} /^Non-2xx responses:/ {bad=$3}
           /^apr_/ {failed="run-aborted"} END {print (rps ? rps : 0), (failed == "" ? 0 : failed) + bad}' <<<"$out" ;;
    wrk)
      out="$(wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${duration}s" "$url" 2>&1 || true)"
      # wrk counts a response without Content-Length as a "read" error although it is complete:
      # only connect, write and timeout errors, and non-2xx answers, count as errors here.
      awk '/^Requests\/sec:/ {rps=$2} /Socket errors:/ {gsub(",", ""); errors=$4+$8+$10}
           /Non-2xx or 3xx responses:/ {bad=$5} END {print (rps ? rps : 0), errors + bad}' <<<"$out" ;;
  esac
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//'),"\
     "$(uname -sr); $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
echo "Page: $path ($(wc -c <"$work/root/htdocs${path}") bytes); median of $runs runs;" \
     "ab: $requests requests, a connection each; wrk: ${duration} s, persistent connections"
echo

declare -A result
started=0
for server in "${servers[@]}"; do
  start "$server"
  for tool in ${tools//,/ }; do
    measure ab 16 >/dev/null   # warm-up: the JIT compiles the hot paths of a Java server
    for c in ${clients//,/ }; do
      rates=() errors=0
      for _ in $(seq 1 "$runs"); do
        read -r rate errs < <(measure "$tool" "$c")
        rates+=("$rate"); errors=$((errors + ${errs%%[!0-9]*}))
      done
      result["$server,$tool,$c"]="$(printf '%s\n' "${rates[@]}" | median) $errors"
    done
  done
  stop
done

ratio() { # ratio A B: A/B with two decimals, or "-" when B is unknown
  [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}' || echo "-"
}
echo "| server | tool | clients | requests/s | × nginx | × jwebserver | errors |"
echo "|---|---|---:|---:|---:|---:|---:|"
for tool in ${tools//,/ }; do
  for c in ${clients//,/ }; do
    nginx_rate="$(cut -d' ' -f1 <<<"${result[nginx,$tool,$c]:-}")"
    jws_rate="$(cut -d' ' -f1 <<<"${result[jwebserver,$tool,$c]:-}")"
    for server in "${servers[@]}"; do
      read -r rate errs <<<"${result[$server,$tool,$c]}"
      printf '| %s | %s | %s | %.0f | %s | %s | %s |\n' "$server" "$tool" "$c" "$rate" \
        "$(ratio "$rate" "$nginx_rate")" "$(ratio "$rate" "$jws_rate")" "$errs"
    done
  done
done
