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

usage() { cat bench/usage.txt; }   # the help text, in a file of its own

tools=ab clients=16 requests=20000 duration=5 rounds=3 path=/index.html wait_load="" cpu="" switches="" crowd="" every=2 probes=30
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
    --switches) switches=yes; shift ;;
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

. bench/probes.sh   # crowd_probe, held, cpu_ticks, switches, peak_rss: what each measurement looks at

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

if [ -n "$cpu$switches" ] && [ ! -r /proc/self/stat ]; then
  echo "bench: --cpu and --switches read /proc, which this system does not have: no column" >&2; cpu="" switches=""
fi
declare -A port_of pid_of keeps_of rates errors_of cpus switches_of bytes_of rss_of wire_of
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
        [ -n "$switches" ] && switched="$(switches "${pid_of[$server]}")"
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
        if [ -n "$switches" ]; then   # context switches per answer
          switches_of["$key"]="${switches_of[$key]:-} $(awk -v s=$(( $(switches "${pid_of[$server]}") - switched )) \
            -v n="$answers" 'BEGIN {printf "%.2f", (n > 0 ? s / n : 0)}')"
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
# The columns of --cpu, --switches, --gzip (bytes per answer) and --rss: empty strings without them.
more_columns() { [ -z "$cpu" ] || printf ' %s |' "$1"; [ -z "$switches" ] || printf ' %s |' "$2"
  [ -z "$gzip" ] || printf ' %s |' "$3"; [ -z "$rss" ] || printf ' %s |' "$4"; }
# connections: "new" when each request had a connection of its own (ab always; wrk when the
# server closes the connection after each answer), "kept" when wrk sent request after request
# on the same connections.
echo "| server | tool | connections | clients | requests/s | × nginx | × jwebserver | errors |$(more_columns \
  'CPU µs/answer' 'switches/answer' 'bytes/answer' 'RSS MiB, most')"
echo "|---|---|---|---:|---:|---:|---:|---:|$(more_columns ---: ---: ---: ---:)"
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
           "$(tr ' ' '\n' <<<"${switches_of[$server,$tool,$c]:-}" | grep . | median)" \
           "$(tr ' ' '\n' <<<"${bytes_of[$server,$tool,$c]}" | grep . | median | xargs printf '%.0f')" \
           "$(tr ' ' '\n' <<<"${rss_of[$server,$tool,$c]:-}" | grep . | sort -n | tail -1)")"
    done
  done
done
[ -z "$gzip" ] || gzip_table   # each server's answer: coding, framing, sizes
