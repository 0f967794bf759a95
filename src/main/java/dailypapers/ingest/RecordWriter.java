package dailypapers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns a {@link PaperRecord} into one JSON line of our import schema (../shared/data/README.md), the inverse of
 * {@link RecordParser}: every key of the schema, always present and in its order, then the fields the parser also
 * reads that the schema lacks ({@code updated}, {@code version}, {@code doi}, {@code journal_ref}), so that nothing
 * stored about a paper is lost. {@code github_source} is not stored and is always null.
 */
final class RecordWriter {

    private RecordWriter() {
    }

    /** The record as one line of JSON, without its line break. */
    static String line(PaperRecord record) {
        Paper paper = record.paper();
        ObjectNode node = JsonFields.JSON.createObjectNode();
        node.put("id", paper.id().value());
        node.put("title", paper.title());
        strings(node, "authors", paper.authors());
        node.put("abstract", paper.abstractText());
        node.put("published", paper.published().toString());
        node.put("upvotes", record.upvotes());
        strings(node, "categories", paper.categories());
        node.put("github", paper.githubRepo());
        node.putNull("github_source");
        node.put("project_page", paper.projectPage());
        node.put("hf_daily_date", day(record.featuredOn()));
        node.put("num_comments", record.numComments());
        // The schema's null for "none known"; the parser reads it as an empty list.
        if (paper.aiKeywords().isEmpty()) {
            node.putNull("ai_keywords");
        } else {
            strings(node, "ai_keywords", paper.aiKeywords());
        }
        node.put("arxiv_comment", paper.comment());
        node.put("source", paper.sources().isEmpty() ? null : paper.sources().getFirst());
        strings(node, "sources", paper.sources());
        node.put("updated", day(paper.updated()));
        node.put("version", paper.version());
        node.put("doi", paper.doi());
        node.put("journal_ref", paper.journalRef());
        try {
            return JsonFields.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
