#!/usr/bin/env bash
# Grades an HTTP server with this course's specs. Needs only a JDK 25 or newer: the Maven
# wrapper fetches everything else on the first run.
#
#   ./grade.sh --help
#   ./grade.sh --step 4 -- java alice/HttpServer.java
#   ./grade.sh --batch submissions --step 4 --command 'java {dir}/HttpServer.java'
#
# docs/instructors.md tells the whole story. The same grader runs as `jbang grade`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classes="$root/grader/target/classes"
# The grader's dependencies, spec/target/classes (the specs) included, written by Maven.
classpath_file="$root/grader/target/grader.classpath"

# Builds the grader when it is missing or older than its sources: only the first run (and the
# first after a change) waits for Maven; the others start the grader at once.
stale() {
  [ ! -f "$classpath_file" ] || [ ! -d "$classes/httpcourse/grader" ] ||
    [ -n "$(find "$root/pom.xml" "$root/spec/pom.xml" "$root/spec/src/main" \
              "$root/grader/pom.xml" "$root/grader/src/main" -newer "$classpath_file" -print -quit)" ]
}
if stale; then
  echo "grade: building the grader with the Maven wrapper (the very first time takes a minute) ..." >&2
  # In a subshell: the grader itself must run where it was called, so relative paths work.
  # -am builds spec too; build-classpath runs in each module, and the grader's comes last.
  if ! (cd "$root" && ./mvnw -q -B -pl grader -am compile \
          org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
          -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file") >&2; then
    echo "grade: the build failed (Maven's output is above)" >&2
    exit 2
  fi
fi

# exec: the grader gets this process, so Ctrl-C reaches it and it stops the servers it started.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The grader is JDK 25 code: an older java would only say UnsupportedClassVersionError.
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
if [ "${version%%.*}" -lt 25 ] 2>/dev/null; then
  echo "grade: the grader needs a JDK 25 or newer, and $java is Java $version." >&2
  echo "grade: install one (the README's \"What you need\" says how), or point JAVA_HOME at it." >&2
  exit 2
fi
# C1 alone and the serial collector: the grader mostly waits (Grade.JVM_OPTIONS says why).
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classes:$(cat "$classpath_file")" httpcourse.grader.Grade "$@"
