package dailypapers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** The real corpus as the benchmark uses it: the fields it recombines, abstracts cut into sentences. */
record RealPapers(List<Paper> papers) {

    /** A sentence ends at . ! or ? followed by a space and a capital letter or digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9])");

    record Paper(String id, String title, List<String> sentences, List<String> authors, List<String> categories,
            String published, Integer upvotes, String github) {
    }

    static RealPapers read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Paper> papers = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode node = json.readTree(line);
                String abstractText = node.path("abstract").asText("");
                if (abstractText.isBlank()) {
                    continue;
                }
                papers.add(new Paper(node.get("id").asText(), node.get("title").asText(),
                        List.of(SENTENCE_END.split(abstractText.strip())), strings(node.path("authors")),
                        strings(node.path("categories")), node.path("published").asText(null),
                        node.path("upvotes").isNumber() ? node.get("upvotes").asInt() : null,
                        node.path("github").isTextual() ? node.get("github").asText() : null));
            }
        }
        return new RealPapers(List.copyOf(papers));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
