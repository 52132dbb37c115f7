# Sourced by the other scripts in bin/: sets JAVA_HOME to a JDK of version 25 or newer.
# Looks in JAVA_HOME, then the java on PATH, then /usr/lib/jvm/*; says what to install when there is none.

callisto_java_version() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

callisto_is_jdk25() { # $1 = a JDK home; true when it has java and javac of version >= 25
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(callisto_java_version "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 25 ]
}

callisto_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && callisto_is_jdk25 "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if callisto_is_jdk25 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    if callisto_is_jdk25 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  done
  cat >&2 <<'MSG'
callisto: no JDK 25 or newer found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm).
Install one, for example on Debian: apt-get install temurin-25-jdk (Adoptium repository) or openjdk-25-jdk,
on FreeBSD: pkg install openjdk25, then run this command again (or set JAVA_HOME to its directory).
MSG
  return 1
}
