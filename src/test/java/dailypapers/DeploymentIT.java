package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/dailypapers.service as systemd reads it: {@code systemd-analyze verify} finds no unknown directive, no bad
 * value and nothing else to warn about. The one line changed for the check is the JDK's path, which must exist on
 * the machine that verifies; every directive is the shipped one.
 */
class DeploymentIT {

    private static final Path UNIT = Path.of("deploy/dailypapers.service");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final String SHIPPED_JAVA = "/usr/lib/jvm/java-21-openjdk-amd64/bin/java";

    @TempDir
    Path dir;

    @Test
    void theSystemdUnitVerifiesCleanly() throws Exception {
        requireSystemdAnalyze();
        String shipped = Files.readString(UNIT);
        assertThat(shipped).contains("ExecStart=" + SHIPPED_JAVA + " ");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path unit = Files.writeString(dir.resolve("dailypapers.service"), shipped.replace(SHIPPED_JAVA, java));

        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", unit.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("systemd-analyze has something to say about the unit").isBlank();
    }

    @Test
    void theNightlyBackupUnitsVerifyCleanly() throws Exception {
        requireSystemdAnalyze();
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no"));
        for (String name : List.of("dailypapers.service", "dailypapers-backup.service", "dailypapers-backup.timer")) {
            String shipped = Files.readString(UNIT.resolveSibling(name));
            command.add(Files.writeString(dir.resolve(name), shipped.replace(SHIPPED_JAVA, java)).toString());
        }
        assertThat(Files.readString(UNIT.resolveSibling("dailypapers-backup.service")))
                .contains(SHIPPED_JAVA + " ").contains(" backup ");

        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("systemd-analyze has something to say about the units").isBlank();
    }

    @Test
    void theUnitRunsSandboxedAsItsOwnUserAndStopsCleanlyOnSigterm() throws Exception {
        String unit = Files.readString(UNIT);

        assertThat(unit).contains("\nUser=dailypapers\n", "\nStateDirectory=dailypapers\n",
                "\nEnvironmentFile=/etc/dailypapers/dailypapers.env\n", "\nProtectSystem=strict\n",
                "\nNoNewPrivileges=yes\n", "\nRestart=on-failure\n", "\nKillSignal=SIGTERM\n",
                // The JVM's status after a graceful stop on SIGTERM (see cli/StopSignals).
                "\nSuccessExitStatus=143\n", "\nEnvironment=DAILYPAPERS_HTTP_TRUSTED_PROXIES=127.0.0.1,::1\n");
    }

    private static void requireSystemdAnalyze() {
        if (!Files.isExecutable(SYSTEMD_ANALYZE)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + SYSTEMD_ANALYZE + " is missing: .ci/run must install systemd");
            }
            Assumptions.abort("skipped: " + SYSTEMD_ANALYZE + " is missing (apt-get install systemd) to verify"
                    + " deploy/dailypapers.service");
        }
    }
}
