package dailypapers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real paper data in ../shared/data. On a user's clone without it, tests that need it are skipped with a
 * message; under CI (CI=true) its absence is a failure.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("dailypapers.sharedData", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            if ("true".equals(System.getenv("CI"))) {
                assertTrue(false, "CI=true but the shared data directory " + dir.toAbsolutePath() + " is missing");
            }
            Assumptions.abort("skipped: shared data not found at " + dir.toAbsolutePath()
                    + " (tests that need ../shared/data run when it is there)");
        }
        return dir;
    }

    public static Path file(String name) {
        Path file = directory().resolve(name);
        assertTrue(Files.isReadable(file), "missing shared data file " + file);
        return file;
    }

    /** 1,000 real papers: 500 featured on Hugging Face Daily Papers and 500 from arXiv listings. */
    public static Path sample() {
        return file("papers-sample-1k.jsonl");
    }
}
