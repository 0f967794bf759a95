package dailypapers.ingest.arxiv;

import dailypapers.ingest.ParsedPage;
import dailypapers.ingest.RejectedRecord;
import dailypapers.ingest.TextFields;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the arXiv API's Atom feeds ({@code export.arxiv.org/api/query}). Both layouts parse, because elements are
 * matched by namespace and local name, never by prefix or by where a namespace is declared: the pre-2025 layout
 * (opensearch namespace declared on each element, {@code http://arxiv.org/api/…} feed ids, title "ArXiv Query: …")
 * and the current one (namespaces declared on {@code <feed>}, {@code https://} ids, title "arXiv Query: …").
 * The API reports a bad query as an entry whose id is under {@code /api/errors}; those come back as errors.
 */
final class AtomParser {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String SOURCE = "arxiv/api";

    private AtomParser() {
    }

    /** A feed page: paging numbers, the entries that parsed, and the API's error entries. */
    record AtomPage(long totalResults, long startIndex, long itemsPerPage, ParsedPage entries, List<String> errors) {
    }

    static AtomPage parse(byte[] body) throws MalformedResponse {
        try {
            XMLStreamReader reader = XmlElement.secureFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            long total = -1;
            long start = -1;
            long perPage = -1;
            List<PaperRecord> records = new ArrayList<>();
            List<String> rejections = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            boolean sawFeed = false;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String namespace = reader.getNamespaceURI();
                String name = reader.getLocalName();
                if (!sawFeed) {
                    if (!ATOM.equals(namespace) || !name.equals("feed")) {
                        throw new MalformedResponse("not an Atom feed: root element <" + name + ">", null);
                    }
                    sawFeed = true;
                } else if (OPENSEARCH.equals(namespace)) {
                    long value = XmlElement.number(reader.getElementText());
                    switch (name) {
                        case "totalResults" -> total = value;
                        case "startIndex" -> start = value;
                        case "itemsPerPage" -> perPage = value;
                        default -> {
                        }
                    }
                } else if (ATOM.equals(namespace) && name.equals("entry")) {
                    entry(XmlElement.read(reader), records, rejections, errors);
                }
            }
            if (!sawFeed) {
                throw new MalformedResponse("empty response", null);
            }
            return new AtomPage(total, start, perPage, new ParsedPage(records, rejections, List.of(), List.of()),
                    errors);
        } catch (XMLStreamException e) {
            throw new MalformedResponse("invalid XML: " + e.getMessage(), e);
        }
    }

    private static void entry(XmlElement entry, List<PaperRecord> records, List<String> rejections,
            List<String> errors) {
        String rawId = entry.childText("id");
        if (rawId != null && rawId.contains("/api/errors")) {
            String summary = entry.childText("summary");
            errors.add(summary != null ? summary : rawId);
            return;
        }
        try {
            records.add(paper(entry, rawId));
        } catch (RejectedRecord e) {
            rejections.add((rawId == null ? "entry" : rawId) + ": " + e.getMessage());
        }
    }

    private static PaperRecord paper(XmlElement entry, String rawId) throws RejectedRecord {
        ArxivId.Versioned id = TextFields.arxivId(rawId, "id");
        String title = entry.childText("title");
        if (title == null) {
            throw new RejectedRecord("title", "missing");
        }
        List<String> authors = entry.all("author").stream().map(a -> a.childText("name"))
                .filter(n -> n != null).toList();
        Set<String> categories = new LinkedHashSet<>();
        entry.child("primary_category").map(c -> c.attribute("term")).ifPresent(categories::add);
        entry.all("category").stream().map(c -> c.attribute("term")).filter(t -> t != null && !t.isBlank())
                .forEach(categories::add);
        Paper paper = new Paper(id.id(), title, entry.childText("summary"), authors, day(entry, "published", true),
                day(entry, "updated", false), id.version(), List.copyOf(categories), entry.childText("comment"),
                entry.childText("doi"), entry.childText("journal_ref"), null, null, List.of(), List.of(SOURCE));
        return new PaperRecord(paper, null, null, null, null);
    }

    private static LocalDate day(XmlElement entry, String field, boolean required) throws RejectedRecord {
        return TextFields.utcDay(entry.childText(field), field, required);
    }
}
