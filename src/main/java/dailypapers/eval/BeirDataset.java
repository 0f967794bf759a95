package dailypapers.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A retrieval test collection in BEIR's layout: {@code corpus.jsonl} (or {@code .jsonl.gz}) with {@code _id},
 * {@code title} and {@code text} (and optionally {@code metadata.authors} and {@code metadata.categories});
 * {@code queries.jsonl} with {@code _id} and {@code text}; and {@code qrels/<split>.tsv}, lines of query id, document
 * id and graded relevance after a header line.
 *
 * @param qrels per query, the judged documents and their grades; a grade of 0 or less means judged not relevant
 */
public record BeirDataset(String split, List<BeirDocument> corpus, Map<String, String> queries,
        Map<String, Map<String, Integer>> qrels) {

    /** Which judgments {@link #load(Path)} takes when several are present: held-out ones first. */
    public static final List<String> SPLIT_PREFERENCE = List.of("test", "dev", "train");

    private static final ObjectMapper JSON = new ObjectMapper();

    public BeirDataset {
        corpus = List.copyOf(corpus);
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        qrels.forEach((query, judged) -> copy.put(query, Collections.unmodifiableMap(new LinkedHashMap<>(judged))));
        qrels = Collections.unmodifiableMap(copy);
    }

    /** Loads the first split of {@link #SPLIT_PREFERENCE} that the folder has judgments for. */
    public static BeirDataset load(Path folder) throws IOException {
        for (String split : SPLIT_PREFERENCE) {
            if (Files.isRegularFile(qrelsFile(folder, split))) {
                return load(folder, split);
            }
        }
        throw new IOException("no qrels for any of " + SPLIT_PREFERENCE + " in " + folder.resolve("qrels"));
    }

    public static BeirDataset load(Path folder, String split) throws IOException {
        return new BeirDataset(split, readCorpus(corpusFile(folder)), readQueries(folder.resolve("queries.jsonl")),
                readQrels(qrelsFile(folder, split)));
    }

    private static Path qrelsFile(Path folder, String split) {
        return folder.resolve("qrels").resolve(split + ".tsv");
    }

    private static Path corpusFile(Path folder) throws IOException {
        for (String name : List.of("corpus.jsonl", "corpus.jsonl.gz")) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IOException("no corpus.jsonl or corpus.jsonl.gz in " + folder);
    }

    private static List<BeirDocument> readCorpus(Path file) throws IOException {
        List<BeirDocument> corpus = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    corpus.add(new BeirDocument(node.path("_id").asText(), node.path("title").asText(),
                            node.path("text").asText(), strings(node.path("metadata").path("authors")),
                            strings(node.path("metadata").path("categories"))));
                }
            }
        }
        return corpus;
    }

    /** The strings of a JSON array; none for anything else. */
    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static Map<String, String> readQueries(Path file) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (BufferedReader reader = open(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    queries.put(node.path("_id").asText(), node.path("text").asText());
                }
            }
        }
        return queries;
    }

    private static Map<String, Map<String, Integer>> readQrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader reader = open(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.strip().split("\t");
                if (fields.length != 3) {
                    throw new IOException(file + ":" + lineNumber + ": expected 3 tab-separated fields");
                }
                int grade;
                try {
                    grade = Integer.parseInt(fields[2].strip());
                } catch (NumberFormatException e) {
                    if (lineNumber == 1) {
                        continue; // the header line: query-id, corpus-id, score
                    }
                    throw new IOException(
                            file + ":" + lineNumber + ": relevance '" + fields[2] + "' is not an integer");
                }
                qrels.computeIfAbsent(fields[0], query -> new LinkedHashMap<>()).put(fields[1], grade);
            }
        }
        return qrels;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
