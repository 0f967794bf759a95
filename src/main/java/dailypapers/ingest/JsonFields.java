package dailypapers.ingest;

import static dailypapers.ingest.TextFields.clean;
import static dailypapers.text.Messages.abbreviate;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of upstream JSON fields for every importer and harvester. A wrong type or value becomes a
 * {@link RejectedRecord} (a bad optional URL only a warning) naming the field as the record's author wrote it
 * ({@code field}), which may differ from the key read ({@code paper.title} for key {@code title} inside a nested
 * object). Values given as text are read by {@link TextFields}, so every string that leaves here is clean.
 */
public final class JsonFields {

    /**
     * Reads upstream JSON for every importer and harvester. Raw control characters inside strings, which strict
     * JSON forbids, are read rather than refused: {@link TextFields#clean} removes them, and one stray byte costs
     * neither its record nor a harvested page.
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

    /** Upvote and comment counts above this are taken for garbage, not popularity. */
    public static final int MAX_COMMUNITY_COUNT = 10_000_000;

    private JsonFields() {
    }

    /** A string field cleaned by {@link TextFields#clean}, or null when absent or null. */
    public static String text(JsonNode node, String key, String field) throws RejectedRecord {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RejectedRecord(field, "expected a string, got " + type(value));
        }
        return clean(value.asText());
    }

    /**
     * An http(s) URL (see {@link TextFields#httpUrl}), or null when absent or blank. Any other value, of any type,
     * costs only the field: it is dropped with a warning naming the field, and the record is kept.
     */
    public static String url(JsonNode node, String key, String field, List<String> warnings) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        String url = value.isTextual() ? TextFields.httpUrl(value.asText()) : null;
        if (url == null) {
            String shown = value.isTextual() ? "'" + abbreviate(clean(value.asText())) + "'" : type(value);
            warnings.add("field '" + field + "': not a valid http(s) URL, dropped: " + shown);
        }
        return url;
    }

    /** An array of strings, whitespace collapsed and empty ones dropped; empty when absent. */
    public static List<String> strings(JsonNode node, String key, String field) throws RejectedRecord {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new RejectedRecord(field, "expected an array of strings");
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new RejectedRecord(field, "expected an array of strings, found " + type(item));
            }
            String text = clean(item.asText());
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /** A non-negative community count (upvotes, comments), or null when upstream did not say. */
    public static Integer count(JsonNode node, String key, String field) throws RejectedRecord {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_COMMUNITY_COUNT) {
            throw new RejectedRecord(field, "expected a whole number from 0 to " + MAX_COMMUNITY_COUNT + ", got "
                    + abbreviate(value.toString()));
        }
        return value.intValue();
    }

    private static String type(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
