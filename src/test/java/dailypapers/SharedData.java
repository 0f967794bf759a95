package dailypapers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The data too big to ship with the tests, in ../shared: the full corpus (../shared/data) and SciFact
 * (../shared/eval). On a clone without it, the few tests that need it are skipped with a message; under CI
 * (CI=true) its absence is a failure. Everything else reads {@link TestData}.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The full corpus: 81,070 papers, gzipped. */
    public static Path corpus() {
        Path file = directory().resolve("papers.jsonl.gz");
        assertTrue(Files.isReadable(file), "missing shared data file " + file);
        return file;
    }

    /** BEIR SciFact, training split, in ../shared/eval beside the data directory. */
    public static Path sciFactTrain() {
        return present(directory().resolveSibling("eval").resolve("scifact-train"));
    }

    /** The source of Hugging Face's Python client (huggingface_hub), in ../shared/tools beside the data. */
    public static Path huggingFaceHub() {
        return present(directory().resolveSibling("tools").resolve("huggingface_hub").resolve("src"));
    }

    private static Path directory() {
        return present(Path.of(System.getProperty("dailypapers.sharedData", "../shared/data")));
    }

    private static Path present(Path dir) {
        if (!Files.isDirectory(dir)) {
            if ("true".equals(System.getenv("CI"))) {
                assertTrue(false, "CI=true but the shared data directory " + dir.toAbsolutePath() + " is missing");
            }
            Assumptions.abort("skipped: shared data not found at " + dir.toAbsolutePath()
                    + " (tests that need ../shared run when it is there)");
        }
        return dir;
    }
}
