#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (its Ubuntu 22.04 or
# 24.04 base image, with the network on). It installs what the grader needs besides this zip:
#   - a JDK 25, Eclipse Temurin from Adoptium's apt repository (the course's Java: the grader
#     runs on it, and so do the students' `java HttpServer.java`);
#   - bubblewrap, for the grader's sandbox, if this container lets it make one (the results say).
# The grader and its specs are in this zip already (lib/), with the options it grades with
# (grader.args): nothing else is downloaded. Written by ./grade.sh --gradescope-zip.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

apt-get update
apt-get install -y --no-install-recommends ca-certificates wget bubblewrap util-linux
mkdir -p /etc/apt/keyrings
wget -qO /etc/apt/keyrings/adoptium.asc https://packages.adoptium.net/artifactory/api/gpg/key/public
codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
echo "deb [signed-by=/etc/apt/keyrings/adoptium.asc] https://packages.adoptium.net/artifactory/deb $codename main" \
  > /etc/apt/sources.list.d/adoptium.list
apt-get update
apt-get install -y --no-install-recommends temurin-25-jdk

java_home="$(ls -d /usr/lib/jvm/temurin-25-jdk* | head -n 1)"
"$java_home/bin/java" -version
