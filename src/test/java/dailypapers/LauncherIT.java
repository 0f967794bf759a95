package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code ./dailypapers} builds once at a time and never rewrites the jar a running command reads; the checks are a
 * shell script, src/test/shell/launcher-test.sh, that runs the launcher against a stand-in for Maven.
 */
class LauncherIT {

    @Test
    void theLauncherBuildsOnceAndSwapsTheJarInWithoutDisturbingARunningCommand() throws Exception {
        Process script = new ProcessBuilder("bash", "src/test/shell/launcher-test.sh").redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as(output).isZero();
        assertThat(output).contains("launcher: all checks passed");
    }
}
