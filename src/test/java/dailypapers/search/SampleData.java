package dailypapers.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The shared 1,000-paper sample as JSON, so search tests compute their expectations from the file. */
final class SampleData {

    private SampleData() {
    }

    static List<JsonNode> papers() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> papers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(SharedData.sample())) {
                papers.add(json.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return papers;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
