package dailypapers.store;

import dailypapers.paper.PaperRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The fingerprint of everything an upsert writes from a record, so that re-importing an identical record is a
 * no-op. It hashes an explicit list of fields, named after the columns they are written to, never the record's
 * {@code toString()}: a new field in {@code Paper} changes no stored hash until it is added here.
 *
 * <p>Changing {@link #FIELDS} or the encoding means bumping {@link #VERSION}: every stored hash then differs from
 * the new one, so the next import of each paper rewrites its row (and the search index re-indexes it) once.
 * Version 1 was the record's {@code toString()}, and stored hashes of that version carry no prefix.
 */
final class ContentHash {

    static final int VERSION = 2;

    /** A written column and the record's value for it: a String, Integer, LocalDate, list of Strings, or null. */
    record Field(String column, Function<PaperRecord, Object> value) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("id", r -> r.paper().id().value()),
            new Field("title", r -> r.paper().title()),
            new Field("abstract", r -> r.paper().abstractText()),
            new Field("authors", r -> r.paper().authors()),
            new Field("published", r -> r.paper().published()),
            new Field("updated", r -> r.paper().updated()),
            new Field("version", r -> r.paper().version()),
            new Field("categories", r -> r.paper().categories()),
            new Field("arxiv_comment", r -> r.paper().comment()),
            new Field("doi", r -> r.paper().doi()),
            new Field("journal_ref", r -> r.paper().journalRef()),
            new Field("github_repo", r -> r.paper().githubRepo()),
            new Field("project_page", r -> r.paper().projectPage()),
            new Field("ai_keywords", r -> r.paper().aiKeywords()),
            new Field("sources", r -> r.paper().sources()),
            new Field("upstream_upvotes", PaperRecord::upvotes),
            new Field("num_comments", PaperRecord::numComments),
            new Field("featured.day", PaperRecord::featuredOn),
            new Field("featured.submitted_by", PaperRecord::submittedBy));

    private ContentHash() {
    }

    /** {@code "2:"} and 32 hex digits (128 bits of SHA-256). */
    static String of(PaperRecord record) {
        MessageDigest digest = sha256();
        for (Field field : FIELDS) {
            Object value = field.value().apply(record);
            if (value instanceof List<?> list) {
                writeText(digest, "list:" + list.size());
                list.forEach(element -> writeText(digest, String.valueOf(element)));
            } else {
                // null and "null" differ: the text of a value is prefixed, a null is not.
                writeText(digest, value == null ? "null" : "value:" + value);
            }
        }
        return VERSION + ":" + HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** Length-prefixed, so that no two different field lists give the same bytes. */
    private static void writeText(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
