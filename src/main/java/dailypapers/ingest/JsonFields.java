package dailypapers.ingest;

import static dailypapers.ingest.TextFields.collapse;
import static dailypapers.text.Messages.abbreviate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of upstream JSON fields for every importer and harvester. A wrong type or value becomes a
 * {@link RejectedRecord} naming the field as the record's author wrote it ({@code field}), which may differ from
 * the key read ({@code paper.title} for key {@code title} inside a nested object). Values given as text are read
 * by {@link TextFields}.
 */
public final class JsonFields {

    /** Upvote and comment counts above this are taken for garbage, not popularity. */
    public static final int MAX_COMMUNITY_COUNT = 10_000_000;

    private JsonFields() {
    }

    /** A string field, or null when absent or null. */
    public static String text(JsonNode node, String key, String field) throws RejectedRecord {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RejectedRecord(field, "expected a string, got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.asText();
    }

    /** An http(s) URL, or null when absent or blank; anything else (javascript:, relative paths) is rejected. */
    public static String url(JsonNode node, String key, String field) throws RejectedRecord {
        String value = text(node, key, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new RejectedRecord(field, "expected an http(s) URL, got '" + abbreviate(url) + "'");
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
                throw new RejectedRecord(field, "expected an array of strings, found "
                        + item.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            String text = collapse(item.asText());
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
}
