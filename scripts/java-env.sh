# Sourced by ./dailypapers and ./test: finds a JDK >= 21 (JAVA_HOME first, then /usr/lib/jvm/*) and exports
# JAVA_HOME so Maven uses it too. Stops with a clear message when there is none.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]) }'
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "error: Daily Papers needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
  echo "       Install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# The flags a Daily Papers JVM runs with: ./dailypapers's, and the benchmarks' that open a data directory as the
# server does. Lucene uses the incubating Vector API for its vector search and scoring when the module is present.
DAILYPAPERS_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
# Maven 3.8's bundled Guava warns about sun.misc.Unsafe on JDK 24+; the warning is noise for our builds.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

if ! command -v mvn >/dev/null 2>&1; then
  echo "error: Maven (mvn) is required to build Daily Papers; install it (e.g. 'apt-get install maven')." >&2
  exit 1
fi
