package dailypapers.ingest.arxiv;

import static dailypapers.text.Messages.abbreviate;

import dailypapers.ingest.Authors;
import dailypapers.ingest.ParsedPage;
import dailypapers.ingest.RejectedRecord;
import dailypapers.ingest.TextFields;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv's OAI-PMH responses ({@code ListRecords} and {@code GetRecord}) in both metadata formats:
 * {@code arXivRaw} (every version with its date, authors as one string) and {@code arXiv} (created/updated dates,
 * structured authors). A record that lacks what a paper needs is rejected with the field and reason; the rest of the
 * page is kept. Records whose header says {@code status="deleted"} are reported by id, not parsed.
 */
final class OaiParser {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String ARXIV_RAW = "http://arxiv.org/OAI/arXivRaw/";
    static final String ARXIV = "http://arxiv.org/OAI/arXiv/";
    static final String SOURCE = "arxiv/oai-pmh";

    /** arXivRaw version dates look like "Tue, 3 Apr 2007 22:04:11 GMT". */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    private OaiParser() {
    }

    static OaiPage parse(byte[] body) throws MalformedResponse {
        try {
            XMLStreamReader reader = XmlElement.secureFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            Instant responseDate = null;
            Optional<OaiPage.OaiError> error = Optional.empty();
            List<PaperRecord> records = new ArrayList<>();
            List<String> rejections = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            Optional<String> token = Optional.empty();
            long cursor = -1;
            long completeListSize = -1;
            boolean sawRoot = false;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (!sawRoot) {
                    if (!name.equals("OAI-PMH") || !OAI.equals(reader.getNamespaceURI())) {
                        throw new MalformedResponse("not an OAI-PMH response: root element <" + name + ">", null);
                    }
                    sawRoot = true;
                    continue;
                }
                switch (name) {
                    case "responseDate" -> responseDate = instant(TextFields.clean(reader.getElementText()));
                    case "error" -> {
                        String code = TextFields.clean(reader.getAttributeValue(null, "code"));
                        error = Optional.of(new OaiPage.OaiError(code == null ? "unknown" : code,
                                TextFields.clean(reader.getElementText())));
                    }
                    case "record" -> record(XmlElement.read(reader), records, rejections, deleted);
                    case "resumptionToken" -> {
                        cursor = XmlElement.number(reader.getAttributeValue(null, "cursor"));
                        completeListSize = XmlElement.number(reader.getAttributeValue(null, "completeListSize"));
                        String value = TextFields.clean(reader.getElementText());
                        token = value.isEmpty() ? Optional.empty() : Optional.of(value);
                    }
                    default -> {
                    }
                }
            }
            if (!sawRoot) {
                throw new MalformedResponse("empty response", null);
            }
            if (responseDate == null) {
                throw new MalformedResponse("no responseDate", null);
            }
            return new OaiPage(responseDate, new ParsedPage(records, rejections, List.of(), deleted), token, cursor,
                    completeListSize, error);
        } catch (XMLStreamException e) {
            throw new MalformedResponse("invalid XML: " + e.getMessage(), e);
        }
    }

    private static void record(XmlElement record, List<PaperRecord> records, List<String> rejections,
            List<String> deleted) {
        XmlElement header = record.child("header").orElse(null);
        String identifier = header == null ? null : header.childText("identifier");
        if (header != null && "deleted".equals(header.attribute("status"))) {
            deleted.add(identifier == null ? "(no identifier)" : identifier);
            return;
        }
        try {
            records.add(paper(record, identifier));
        } catch (RejectedRecord e) {
            rejections.add((identifier == null ? "record" : identifier) + ": " + e.getMessage());
        }
    }

    private static PaperRecord paper(XmlElement record, String identifier) throws RejectedRecord {
        XmlElement metadata = record.child("metadata").flatMap(m -> m.children().stream().findFirst())
                .orElseThrow(() -> new RejectedRecord("metadata", "missing"));
        String rawId = metadata.childText("id");
        if (rawId == null && identifier != null) {
            rawId = identifier.replaceFirst("^oai:arXiv.org:", "");
        }
        ArxivId id = TextFields.arxivId(rawId, "id").id();
        String title = metadata.childText("title");
        if (title == null) {
            throw new RejectedRecord("title", "missing");
        }
        String categories = metadata.childText("categories");
        List<String> categoryList = categories == null ? List.of() : Arrays.asList(categories.split(" "));
        Dates dates = switch (metadata.namespace()) {
            case ARXIV_RAW -> rawDates(metadata);
            case ARXIV -> new Dates(TextFields.day(metadata.childText("created"), "created", true),
                    TextFields.day(metadata.childText("updated"), "updated", false), 0);
            default -> throw new RejectedRecord("metadata", "unknown format <" + metadata.name() + "> in "
                    + metadata.namespace());
        };
        List<String> authors = metadata.namespace().equals(ARXIV) ? structuredAuthors(metadata)
                : Authors.split(metadata.childText("authors"));
        Paper paper = new Paper(id, title, metadata.childText("abstract"), authors, dates.published(),
                dates.updated(), dates.version(), categoryList, metadata.childText("comments"),
                metadata.childText("doi"), metadata.childText("journal-ref"), null, null, List.of(),
                List.of(SOURCE));
        return new PaperRecord(paper, null, null, null, null);
    }

    private record Dates(LocalDate published, LocalDate updated, int version) {
    }

    /** arXivRaw lists every version: v1's date is publication, the latest's the update. */
    private static Dates rawDates(XmlElement metadata) throws RejectedRecord {
        LocalDate first = null;
        LocalDate last = null;
        int earliest = Integer.MAX_VALUE;
        int latest = 0;
        for (XmlElement version : metadata.all("version")) {
            var number = VERSION.matcher(String.valueOf(version.attribute("version")));
            if (!number.matches()) {
                throw new RejectedRecord("version", "expected like v2, got '" + version.attribute("version") + "'");
            }
            String text = version.childText("date");
            LocalDate date;
            try {
                date = ZonedDateTime.parse(String.valueOf(text), RFC_1123).toLocalDate();
            } catch (DateTimeParseException e) {
                throw new RejectedRecord("version", "invalid date '" + abbreviate(String.valueOf(text))
                        + "', expected like 'Tue, 3 Apr 2007 22:04:11 GMT'");
            }
            int n = Integer.parseInt(number.group(1));
            if (n < earliest) {
                earliest = n;
                first = date;
            }
            if (n >= latest) {
                latest = n;
                last = date;
            }
        }
        if (first == null) {
            throw new RejectedRecord("version", "missing: no version dates");
        }
        return new Dates(first, last, latest);
    }

    private static List<String> structuredAuthors(XmlElement metadata) {
        List<String> names = new ArrayList<>();
        metadata.child("authors").ifPresent(authors -> {
            for (XmlElement author : authors.all("author")) {
                String name = Authors.fullName(author.childText("forenames"), author.childText("keyname"),
                        author.childText("suffix"));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        });
        return names;
    }

    private static Instant instant(String text) throws MalformedResponse {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new MalformedResponse("invalid responseDate '" + abbreviate(text) + "'", notADate);
            }
        }
    }
}
