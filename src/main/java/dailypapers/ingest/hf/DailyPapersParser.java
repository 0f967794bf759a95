package dailypapers.ingest.hf;

import static dailypapers.ingest.TextFields.clean;
import static dailypapers.text.Messages.abbreviate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dailypapers.ingest.JsonFields;
import dailypapers.ingest.ParsedPage;
import dailypapers.ingest.RejectedRecord;
import dailypapers.ingest.TextFields;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Hugging Face's {@code GET /api/daily_papers?date=…} body: an array of items, each with a nested
 * {@code paper}. Every schema generation seen so far parses: 2024 ({@code paper{id, authors, publishedAt, title,
 * summary, upvotes}}, {@code numComments}), 2025 (adds {@code ai_keywords}, {@code submittedOnDailyAt}, …) and
 * 2026 (adds {@code githubRepo}, {@code projectPage}, {@code organization}, …); unknown fields are ignored. A bad
 * item is rejected with the field and reason and the rest of the page is kept.
 */
public final class DailyPapersParser {

    /** The submitter recorded on papers this harvester features. */
    public static final String SUBMITTER = "hf";
    public static final String SOURCE = "huggingface/daily_papers";


    private DailyPapersParser() {
    }

    /** Parses one page listed for {@code day}; every paper on it is featured on that day. */
    public static ParsedPage parse(byte[] body, LocalDate day) throws MalformedResponse {
        JsonNode root;
        try {
            root = JsonFields.JSON.readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedResponse("invalid JSON: " + reason, e);
        }
        // Archived copies sometimes wrap the array as {"status", "date", "count", "data": [...]}.
        if (root != null && root.isObject() && root.path("data").isArray()) {
            root = root.get("data");
        }
        if (root == null || !root.isArray()) {
            throw new MalformedResponse("expected a JSON array of daily papers", null);
        }
        List<PaperRecord> records = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root) {
            List<String> dropped = new ArrayList<>();
            try {
                records.add(item(item, day, dropped));
                for (String warning : dropped) {
                    warnings.add(itemName(item, index) + ": " + warning);
                }
            } catch (RejectedRecord e) {
                rejections.add(itemName(item, index) + ": " + e.getMessage());
            }
            index++;
        }
        return new ParsedPage(records, rejections, warnings, List.of());
    }

    /** "item 3 (2506.06395)": where a record sits on the page, and its id when it has a readable one. */
    private static String itemName(JsonNode item, int index) {
        String id = clean(item.path("paper").path("id").asText(""));
        return "item " + index + (id.isEmpty() ? "" : " (" + abbreviate(id) + ")");
    }

    private static PaperRecord item(JsonNode item, LocalDate day, List<String> warnings) throws RejectedRecord {
        if (!item.isObject()) {
            throw new RejectedRecord(null, "not a JSON object");
        }
        JsonNode paper = item.get("paper");
        if (paper == null || !paper.isObject()) {
            throw new RejectedRecord("paper", "missing");
        }
        ArxivId.Versioned id = TextFields.arxivId(text(paper, "paper.id"), "paper.id");
        String title = firstText(paper, item, "title");
        if (title == null || title.isEmpty()) {
            throw new RejectedRecord("paper.title", "missing");
        }
        Paper parsed = new Paper(id.id(), title, firstText(paper, item, "summary"), authors(paper),
                publishedDay(paper, item), null, id.version(), List.of(), null, null, null,
                repository(url(paper, "githubRepo", warnings)), url(paper, "projectPage", warnings),
                JsonFields.strings(paper, "ai_keywords", "paper.ai_keywords"),
                List.of(SOURCE));
        return new PaperRecord(parsed, JsonFields.count(paper, "upvotes", "paper.upvotes"),
                JsonFields.count(item, "numComments", "numComments"), day, SUBMITTER);
    }

    private static List<String> authors(JsonNode paper) throws RejectedRecord {
        JsonNode authors = paper.get("authors");
        if (authors == null || authors.isNull()) {
            return List.of();
        }
        if (!authors.isArray()) {
            throw new RejectedRecord("paper.authors", "expected an array");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode author : authors) {
            String name = author.isTextual() ? author.asText() : author.path("name").asText("");
            name = clean(name);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The paper's own publication time (normally its arXiv v1), falling back to the listing's. */
    private static LocalDate publishedDay(JsonNode paper, JsonNode item) throws RejectedRecord {
        return TextFields.utcDay(firstText(paper, item, "publishedAt"), "paper.publishedAt", true);
    }

    private static String firstText(JsonNode paper, JsonNode item, String field) throws RejectedRecord {
        String value = text(paper, field);
        return value != null && !value.isBlank() ? value : text(item, field);
    }

    /** Reads {@code paper.x} fields from the nested object and names them so in rejections. */
    private static String text(JsonNode node, String field) throws RejectedRecord {
        String key = field.startsWith("paper.") ? field.substring(6) : field;
        return JsonFields.text(node, key, field);
    }

    private static String url(JsonNode paper, String field, List<String> warnings) {
        return JsonFields.url(paper, field, "paper." + field, warnings);
    }

    /** GitHub links as the shared data stores them: no trailing slash or ".git". */
    private static String repository(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.endsWith(".git") ? trimmed.substring(0, trimmed.length() - 4) : trimmed;
    }
}
