# shellcheck shell=bash
# bench/bench.sh --gzip SIZE: sourced by bench.sh; these helpers use its variables ($work, $path).
# Every request says Accept-Encoding: gzip and asks for a text page; nginx compresses as step 17 does.

# text_page SIZE: HTML of exactly SIZE bytes (head -c's sizes: 10K, 1M, 1000), the same on every run:
# sentences of words drawn from a fixed list (common words often, rare ones seldom, as in prose), in
# paragraphs, headings, lists of links and tables. gzip shrinks it about 3.6 times (level 6), 3 times
# (level 1): about as much as a page of real text and markup, unlike a trivially repeated one.
text_page() {
  local bytes; bytes="$(head -c "$1" /dev/zero | wc -c)"
  python3 - "$bytes" <<'PYTHON'
import random, sys
size = int(sys.argv[1])
words = """the of and to a in is that it for as with was on be by this are from at or an which but not have
has had one all their were they can more its if will also been when there who so into some what other than
only time two first new may these any most such about over would after people could very through between
where many those then them both each much well just even same because while under three back during before
since how however without again another our own still part being found later against around world year
years state city group system number often high place small large long life known called began several
server client request answer file files page pages connection connections browser header headers body
length byte bytes socket port thread threads memory network text type types cache copy copies chunk chunks
compression compressed gzip encoding version status error errors method path folder name names question
answers reading writing sends send sent waits wait reads writes opens open closes close keeps kept measure
measured speed second seconds minute load machine core cores program programs course chapter step steps
example examples reader readers figure table tables list lists line lines word words letter letters
river mountain valley village harbour market garden forest winter summer morning evening history museum
library station bridge castle church island coast field fields road roads house houses window door light
water stone wood iron paper music painting letters story stories friend family children teacher school
government council member members company market price prices trade record records season league team
played playing written wrote built building buildings opened closed moved returned remained became
national public local central northern southern eastern western early late modern ancient different
important possible available common general particular original similar certain following previous
""".split()
rng = random.Random(17)   # only rng.random(): its numbers for a seed are the same in every Python 3
weights = [1.0 / (rank + 3) for rank in range(len(words))]   # Zipf-like: the first words most often
cumulative, total, acc = [], sum(weights), 0.0
for weight in weights:
    acc += weight / total
    cumulative.append(acc)

def pick(n):
    return int(rng.random() * n)

def word():
    r, lo, hi = rng.random(), 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        lo, hi = (mid + 1, hi) if cumulative[mid] < r else (lo, mid)
    return words[lo]

def sentence():
    k = [word() for _ in range(6 + pick(18))]
    if rng.random() < 0.5:
        i = pick(len(k))
        k[i] = '<a class="internal" href="/%s/%s.html" title="%s">%s</a>' % (word(), word(), word(), k[i])
    if rng.random() < 0.15:
        i = pick(len(k))
        k[i] = "<em>%s</em>" % k[i]
    s = " ".join(k)
    return s[0].upper() + s[1:] + ("." if rng.random() < 0.9 else "?")

def block(section):
    r = rng.random()
    if r < 0.1:
        return '<h2 id="s%d">%s</h2>\n' % (section, " ".join(word() for _ in range(2 + pick(4))).capitalize())
    if r < 0.2:
        items = "".join('  <li><a href="#s%d">%s</a></li>\n' % (pick(99), sentence()[:-1]) for _ in range(3 + pick(5)))
        return '<ul class="links">\n%s</ul>\n' % items
    if r < 0.25:
        rows = "".join("  <tr><td>%s</td><td>%d</td><td>%d</td></tr>\n" % (word(), pick(10000), pick(100))
                       for _ in range(3 + pick(6)))
        return '<table class="data">\n%s</table>\n' % rows
    return '<div class="section"><p class="text">%s</p></div>\n' % " ".join(sentence() for _ in range(2 + pick(5)))

doc = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A page of text</title>\n'
       '<link rel="stylesheet" href="/style.css">\n</head>\n<body>\n<main class="content">\n<h1>A page of text</h1>\n')
tail = "</main>\n</body>\n</html>\n"
section = 0
while True:
    section += 1
    b = block(section)
    if len(doc) + len(b) + len(tail) > size:   # ASCII only: a character is a byte
        break
    doc += b
last = '<p class="text">'   # the last paragraph fills the page up to its size exactly
while len(doc) + len(last) + len("</p>\n") + len(tail) < size:
    last += " " + word()
doc += last[:max(0, size - len(doc) - len("</p>\n") - len(tail))] + "</p>\n" + tail
sys.stdout.write(doc[:size])
PYTHON
}

# nginx_gzip LEVEL: nginx's lines for step 17's rule: text/* (nginx always compresses text/html),
# JSON, SVG and WebAssembly, of 1 KiB or more, HTTP/1.1 only, Vary: Accept-Encoding.
nginx_gzip() {
  echo "gzip on; gzip_comp_level $1; gzip_min_length 1024; gzip_http_version 1.1; gzip_vary on;" \
       "gzip_types text/plain text/css text/javascript application/json image/svg+xml application/wasm;"
}

# gzip_check SERVER PORT: asks once, as the load tools will; names on the terminal a server whose
# answer is not gzip, or does not gunzip to the page. Keeps, for gzip_table, what came:
# "CODING FRAMING HEAD_BYTES BODY_BYTES" (the body as sent, chunks' lengths left out).
gzip_check() {
  local out="$work/check-$2" page coding framing sizes
  page="$([ -f "$work$path" ] && echo "$work" || echo htdocs)$path"
  sizes="$(curl -s -H 'Accept-Encoding: gzip' -D "$out.head" -o "$out.body" -w '%{size_header} %{size_download}' \
    "http://127.0.0.1:$2$path")"
  coding="$(tr -d '\r' <"$out.head" | sed -n 's/^content-encoding: *//Ip' | head -1)"
  framing="$(grep -qi '^transfer-encoding: *chunked' "$out.head" && echo chunked || echo Content-Length)"
  if [ "$coding" != gzip ]; then
    echo "bench: $(label "$1") answers Accept-Encoding: gzip without Content-Encoding: gzip:" \
      "it is measured sending the page as it is" >&2
  elif ! gunzip -c <"$out.body" 2>/dev/null | cmp -s - "$page"; then
    echo "bench: $(label "$1")'s gzip answer does not gunzip to $path" >&2
  fi
  wire_of["$1"]="${coding:-identity} $framing $sizes"
}

# gzip_table: each server's answer to curl (HTTP/1.1), as gzip_check saw it.
gzip_table() {
  local server coding framing head body page_bytes
  page_bytes="$(wc -c <"$([ -f "$work$path" ] && echo "$work" || echo htdocs)$path")"
  echo
  echo "Each server's answer to one GET $path with Accept-Encoding: gzip (curl, HTTP/1.1; page: $page_bytes bytes):"
  echo
  echo "| server | Content-Encoding | framing | head bytes | body bytes | page ÷ body |"
  echo "|---|---|---|---:|---:|---:|"
  for server in "${servers[@]}"; do
    read -r coding framing head body <<<"${wire_of[$server]}"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$(label "$server")" "$coding" "$framing" "$head" "$body" \
      "$(ratio "$page_bytes" "$body")"
  done
}
