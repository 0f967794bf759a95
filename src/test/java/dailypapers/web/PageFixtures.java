package dailypapers.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test data for the page tests: import files in our schema (defaults plus per-test overrides, unique ids from a
 * counter), and the papers a rendered page lists.
 */
public final class PageFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CARD_TITLE =
            Pattern.compile("<h2 class=\"card-title\" id=\"[^\"]*\"><a href=\"/papers/([^\"]+)\">");

    private final List<ObjectNode> papers = new ArrayList<>();
    private int counter;

    /** A featured paper with every field set to something plain; override fields with {@code put}. */
    public ObjectNode paper() {
        counter++;
        ObjectNode paper = JSON.createObjectNode()
                .put("id", String.format(Locale.ROOT, "2608.%05d", 90_000 + counter))
                .put("title", "Fixture paper " + counter)
                .put("abstract", "An abstract for fixture paper " + counter + ".")
                .put("published", "2026-08-10")
                .put("upvotes", counter)
                .put("hf_daily_date", "2026-08-11")
                .put("num_comments", 0)
                .put("source", "test")
                .putNull("github")
                .putNull("project_page")
                .putNull("arxiv_comment");
        paper.putArray("authors").add("Ada Lovelace");
        paper.putArray("categories").add("cs.LG");
        papers.add(paper);
        return paper;
    }

    /** Writes every paper made so far as one JSON-lines file. */
    public Path write(Path directory) {
        Path file = directory.resolve("papers-" + counter + ".jsonl");
        StringBuilder lines = new StringBuilder();
        for (ObjectNode paper : papers) {
            lines.append(paper).append('\n');
        }
        try {
            return Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML of the card for paper {@code id} on a listing page. */
    static String card(String html, String id) {
        int title = html.indexOf("<a href=\"/papers/" + id + "\">");
        if (title < 0) {
            throw new AssertionError("no card for " + id);
        }
        int start = html.lastIndexOf("<article", title);
        return html.substring(start, html.indexOf("</article>", title));
    }

    /** The paper ids of a listing's cards, in page order. */
    static List<String> cardIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = CARD_TITLE.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
