#!/usr/bin/env bash
# Checks ./dailypapers against a stand-in for Maven that builds a tiny jar slowly and, as Maven does, rewrites
# target/dailypapers.jar in place:
#   1. two first runs at once build once;
#   2. a rebuild while a command runs leaves that command's jar alone (it used to be rewritten under the running JVM,
#      which then died with NoClassDefFoundError);
#   3. scripts/java-env.sh finds a JDK >= 21 even when JAVA_HOME names an older one.
# Run it from anywhere: bash src/test/shell/launcher-test.sh (LauncherIT runs it in the suite).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

wait_for() {
  local text=$1 file=$2 tries
  for tries in $(seq 600); do
    if grep -q "$text" "$file" 2>/dev/null; then
      return 0
    fi
    sleep 0.05
  done
  fail "no '$text' in $file after 30 s: $(cat "$file")"
}

app="$work/app"
mkdir -p "$app/scripts" "$app/src/main/java" "$work/bin"
cp "$repo/dailypapers" "$app/"
cp "$repo/scripts/java-env.sh" "$app/scripts/"
touch "$app/pom.xml"

# The command: says it started, waits for the file named by its argument, then loads a class it has not used yet.
cat > "$app/src/main/java/Slow.java" <<'EOF'
import java.nio.file.Files;
import java.nio.file.Path;

public class Slow {
    public static void main(String[] args) throws Exception {
        System.out.println("started");
        while (!Files.exists(Path.of(args[0]))) {
            Thread.sleep(20);
        }
        System.out.println(Later.message());
    }
}
EOF
echo 'class Later { static String message() { return "finished"; } }' > "$app/src/main/java/Later.java"

# The build: counted, slow, and written in place; padding of a new size each time moves every entry in the jar.
cat > "$work/bin/mvn" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo build >> builds.log
sleep 1
rm -rf target/classes target/padding
mkdir -p target/classes target/padding
"$JAVA_HOME/bin/javac" -d target/classes src/main/java/*.java
head -c $((RANDOM * 8 + 4096)) /dev/urandom > target/padding/a-padding.bin
"$JAVA_HOME/bin/jar" --create --file target/next.jar --main-class Slow -C target/padding . -C target/classes .
cat target/next.jar > target/dailypapers.jar
EOF
chmod +x "$work/bin/mvn"
export PATH="$work/bin:$PATH"
cd "$app"

builds() {
  wc -l < builds.log
}

echo "1. two first runs at once build once"
./dailypapers go1 > out1 2> err1 &
first=$!
./dailypapers go1 > out2 2> err2 &
second=$!
wait_for started out1
wait_for started out2
touch go1
wait "$first" || fail "first run: $(cat err1)"
wait "$second" || fail "second run: $(cat err2)"
grep -q finished out1 && grep -q finished out2 || fail "a run did not finish: $(cat out1 out2 err1 err2)"
[ "$(builds)" -eq 1 ] || fail "two first runs built $(builds) times"

echo "2. a rebuild leaves a running command's jar alone"
./dailypapers go2 > out3 2> err3 &
running=$!
wait_for started out3
touch src/main/java/Later.java
./dailypapers go1 > out4 2> err4 || fail "rebuilding run: $(cat err4)"
[ "$(builds)" -eq 2 ] || fail "changed sources built $(builds) times in all, expected 2"
touch go2
wait "$running" || fail "the running command died when the jar was rebuilt: $(cat err3)"
grep -q finished out3 || fail "the running command did not finish: $(cat out3 err3)"
./dailypapers go1 > out5 2> err5 || fail "up-to-date run: $(cat err5)"
[ "$(builds)" -eq 2 ] || fail "an up-to-date jar was built again"

echo "3. java-env.sh finds a JDK >= 21 whatever JAVA_HOME says"
for home in "" /nonexistent /usr/lib/jvm/*; do
  major=$(JAVA_HOME="$home" bash -c 'source scripts/java-env.sh && java_major "$JAVA_HOME"') \
    || fail "no JDK found with JAVA_HOME=$home"
  [ "$major" -ge 21 ] || fail "JAVA_HOME=$home gave a JDK $major"
done
echo "launcher: all checks passed"
