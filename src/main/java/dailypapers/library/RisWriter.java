package dailypapers.library;

import dailypapers.paper.Paper;
import dailypapers.text.CleanText;
import dailypapers.text.TexText;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes papers as RIS records, the tagged format every reference manager imports: type {@code UNPB} (a preprint),
 * one {@code AU} line per author in order, the title and abstract as plain text (formulas as their text reading),
 * the publication date, the arXiv URL and DOI, the categories as keywords. Lines end in CR LF, as the format asks;
 * a value is one line.
 */
public final class RisWriter {

    public static final String CONTENT_TYPE = "application/x-research-info-systems; charset=utf-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd/");

    private RisWriter() {
    }

    public static String write(List<Paper> papers) {
        StringBuilder out = new StringBuilder();
        papers.forEach(paper -> record(out, paper));
        return out.toString();
    }

    private static void record(StringBuilder out, Paper paper) {
        tag(out, "TY", "UNPB");
        tag(out, "ID", CitationKey.of(paper));
        tag(out, "TI", TexText.plain(paper.title()));
        paper.authors().forEach(author -> tag(out, "AU", author));
        tag(out, "PY", String.valueOf(paper.published().getYear()));
        tag(out, "DA", DATE.format(paper.published()));
        if (!paper.abstractText().isBlank()) {
            tag(out, "AB", TexText.plain(paper.abstractText()));
        }
        tag(out, "PB", "arXiv");
        tag(out, "AN", "arXiv:" + paper.id().value());
        tag(out, "UR", paper.id().absUrl());
        tag(out, "DO", paper.doi() == null || paper.doi().isBlank() ? "10.48550/arXiv." + paper.id().value()
                : paper.doi());
        paper.categories().forEach(category -> tag(out, "KW", category));
        out.append("ER  - \r\n\r\n");
    }

    private static void tag(StringBuilder out, String tag, String value) {
        out.append(tag).append("  - ").append(CleanText.line(value)).append("\r\n");
    }
}
