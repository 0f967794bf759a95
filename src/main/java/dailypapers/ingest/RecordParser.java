package dailypapers.ingest;

import static dailypapers.text.Messages.abbreviate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one JSON line into a {@link PaperRecord}. Two formats are recognised per line: our own schema
 * (../shared/data/README.md: {@code published}, {@code hf_daily_date}, …) and the arXiv metadata snapshot of the
 * public Kaggle dump ({@code versions}, {@code update_date}, {@code authors_parsed}, …).
 */
final class RecordParser {

    /** Kaggle's version dates look like "Mon, 2 Apr 2007 19:18:42 GMT". */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final String defaultSource;

    RecordParser(String defaultSource) {
        this.defaultSource = defaultSource;
    }

    /** The record on {@code line}; a field dropped on the way (a bad optional URL) is told to {@code warnings}. */
    PaperRecord parse(String line, List<String> warnings) throws RejectedRecord {
        JsonNode node;
        try {
            node = JsonFields.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RejectedRecord(null, "invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RejectedRecord(null, "not a JSON object");
        }
        return isKaggleSnapshot(node) ? parseKaggle(node) : parseOwn(node, warnings);
    }

    private static boolean isKaggleSnapshot(JsonNode node) {
        return !node.has("published") && (node.has("versions") || node.has("authors_parsed")
                || node.has("update_date"));
    }

    private PaperRecord parseOwn(JsonNode node, List<String> warnings) throws RejectedRecord {
        ArxivId.Versioned id = id(node);
        List<String> sources = strings(node, "sources");
        String source = text(node, "source");
        if (sources.isEmpty()) {
            sources = List.of(source != null ? source : defaultSource);
        }
        Paper paper = new Paper(id.id(), requiredText(node, "title"), text(node, "abstract"),
                strings(node, "authors"), date(node, "published", true), date(node, "updated", false),
                version(node, id), strings(node, "categories"), text(node, "arxiv_comment"), text(node, "doi"),
                text(node, "journal_ref"), JsonFields.url(node, "github", "github", warnings),
                JsonFields.url(node, "project_page", "project_page", warnings), strings(node, "ai_keywords"), sources);
        return new PaperRecord(paper, count(node, "upvotes"), count(node, "num_comments"),
                date(node, "hf_daily_date", false), null);
    }

    private PaperRecord parseKaggle(JsonNode node) throws RejectedRecord {
        ArxivId.Versioned id = id(node);
        JsonNode versions = node.get("versions");
        if (versions != null && !versions.isNull() && !versions.isArray()) {
            throw new RejectedRecord("versions", "expected an array");
        }
        LocalDate published = versions == null || versions.isEmpty() ? null : versionDate(versions.get(0));
        LocalDate updated = date(node, "update_date", false);
        if (published == null) {
            if (updated == null) {
                throw new RejectedRecord("versions", "missing: no version date and no update_date");
            }
            published = updated;
        }
        int version = versions == null ? id.version() : Math.max(id.version(), versions.size());
        Paper paper = new Paper(id.id(), requiredText(node, "title"), text(node, "abstract"),
                kaggleAuthors(node), published, updated, version, categoryList(node), text(node, "comments"),
                text(node, "doi"), text(node, "journal-ref"), null, null, List.of(), List.of(defaultSource));
        return new PaperRecord(paper, null, null, null, null);
    }

    /**
     * The latest version: a {@code version} field (our exports write one, their ids having none), else the id's
     * suffix ({@code 2401.09603v2}), else 0 for unknown.
     */
    private static int version(JsonNode node, ArxivId.Versioned id) throws RejectedRecord {
        Integer version = count(node, "version");
        return version == null ? id.version() : Math.max(version, id.version());
    }

    private static LocalDate versionDate(JsonNode version) throws RejectedRecord {
        JsonNode created = version.get("created");
        if (created == null || !created.isTextual()) {
            throw new RejectedRecord("versions", "first version has no 'created' date");
        }
        try {
            return ZonedDateTime.parse(created.asText().strip(), RFC_1123).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new RejectedRecord("versions", "invalid date '" + abbreviate(created.asText())
                    + "', expected like 'Mon, 2 Apr 2007 19:18:42 GMT'");
        }
    }

    /** Kaggle gives authors_parsed as [last, first, suffix] triples; the plain string is the fallback. */
    private static List<String> kaggleAuthors(JsonNode node) throws RejectedRecord {
        JsonNode parsed = node.get("authors_parsed");
        if (parsed != null && parsed.isArray() && !parsed.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (JsonNode triple : parsed) {
                if (!triple.isArray() || triple.isEmpty()) {
                    throw new RejectedRecord("authors_parsed", "expected [last, first, suffix] arrays");
                }
                String name = Authors.fullName(part(triple, 1), part(triple, 0), part(triple, 2));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }
        return Authors.split(text(node, "authors"));
    }

    private static String part(JsonNode triple, int index) {
        return triple.size() > index ? triple.get(index).asText("") : "";
    }

    private static List<String> categoryList(JsonNode node) throws RejectedRecord {
        String categories = text(node, "categories");
        return categories == null || categories.isEmpty() ? List.of() : List.of(categories.split(" "));
    }

    private static ArxivId.Versioned id(JsonNode node) throws RejectedRecord {
        return TextFields.arxivId(text(node, "id"), "id");
    }

    private static String text(JsonNode node, String field) throws RejectedRecord {
        return JsonFields.text(node, field, field);
    }

    private static List<String> strings(JsonNode node, String field) throws RejectedRecord {
        return JsonFields.strings(node, field, field);
    }

    private static Integer count(JsonNode node, String field) throws RejectedRecord {
        return JsonFields.count(node, field, field);
    }

    private static String requiredText(JsonNode node, String field) throws RejectedRecord {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new RejectedRecord(field, "missing");
        }
        return value;
    }

    private static LocalDate date(JsonNode node, String field, boolean required) throws RejectedRecord {
        return TextFields.day(text(node, field), field, required);
    }
}
