package dailypapers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real data that every clone has, under {@code src/test/resources/data} (its README says where each file comes
 * from): a sample of 1,000 papers and recorded upstream responses. The full corpus is in {@link SharedData}.
 */
public final class TestData {

    private static final String SAMPLE = "/data/papers-sample-1k.jsonl.gz";

    private TestData() {
    }

    /**
     * 1,000 real papers in our import schema, gzipped: 500 featured on Hugging Face Daily Papers (up to 2026-08-21)
     * and 500 from arXiv listings.
     */
    public static Path sample() {
        URL url = resource(SAMPLE);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file: " + url, e);
        }
    }

    /** The records of {@link #sample()}, in file order. */
    public static List<JsonNode> sampleRecords() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(sample())), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                records.add(json.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** A recorded upstream response, by its path under {@code data/fixtures}, e.g. {@code arxiv-oai/….xml}. */
    public static byte[] recorded(String name) {
        try (InputStream in = resource("/data/fixtures/" + name).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        URL url = TestData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name + " (src/test/resources" + name + ")");
        }
        return url;
    }
}
