package dailypapers.library;

import dailypapers.paper.Paper;
import dailypapers.text.InlineMath;
import dailypapers.text.TexText;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes papers as BibTeX {@code @misc} entries the way arXiv's own export does: {@code eprint},
 * {@code archivePrefix = {arXiv}}, {@code primaryClass}, year and month, authors joined with " and ", a
 * {@link CitationKey stable key}. Text is escaped for TeX: the characters TeX gives a meaning
 * ({@code \ { } $ & % # _ ~ ^}) are written as commands that print them, except inside a title's formulas
 * ({@code $x^2$}), which stay TeX when their braces balance. The title is wrapped in a second pair of braces so
 * that styles keep its capitals.
 */
public final class BibtexWriter {

    public static final String CONTENT_TYPE = "application/x-bibtex; charset=utf-8";
    private static final Pattern WORD_AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

    private BibtexWriter() {
    }

    public static String write(List<Paper> papers) {
        return papers.stream().map(BibtexWriter::entry).collect(Collectors.joining("\n"));
    }

    static String entry(Paper paper) {
        StringBuilder out = new StringBuilder("@misc{").append(CitationKey.of(paper)).append(",\n");
        field(out, "title", "{" + title(paper.title()) + "}");
        field(out, "author", paper.authors().stream().map(BibtexWriter::author).collect(Collectors.joining(" and ")));
        field(out, "year", String.valueOf(paper.published().getYear()));
        out.append("  month         = ")
                .append(paper.published().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        .toLowerCase(Locale.ROOT))
                .append(",\n");
        field(out, "eprint", paper.id().value());
        field(out, "archivePrefix", "arXiv");
        if (!paper.categories().isEmpty()) {
            field(out, "primaryClass", escape(paper.categories().getFirst()));
        }
        field(out, "doi", verbatim(paper.doi() == null || paper.doi().isBlank()
                ? "10.48550/arXiv." + paper.id().value() : paper.doi()));
        field(out, "url", verbatim(paper.id().absUrl()));
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" ".repeat(Math.max(1, 14 - name.length()))).append("= {")
                .append(value).append("},\n");
    }

    /** A title: prose escaped, formulas kept as TeX when their braces balance (otherwise escaped too). */
    static String title(String title) {
        StringBuilder out = new StringBuilder();
        for (InlineMath.Span span : InlineMath.split(title)) {
            if (span.isMath() && isBalanced(span.text()) && span.text().indexOf('%') < 0) {
                out.append('$').append(span.text()).append('$');
            } else if (span.isMath()) {
                out.append(escape("$" + span.text() + "$"));
            } else {
                out.append(escape(TexText.plain(span.text())));
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** One author: escaped, and in braces when BibTeX would split it (a comma, the word "and"). */
    static String author(String name) {
        String escaped = escape(name.replaceAll("\\s+", " ").strip());
        return escaped.indexOf(',') >= 0 || WORD_AND.matcher(escaped).find() ? "{" + escaped + "}" : escaped;
    }

    /** Text with every character that TeX gives a meaning written as a command that prints it. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '$', '&', '%', '#', '_' -> out.append('\\').appendCodePoint(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A URL or DOI, which styles print verbatim: only braces, which would end the field, are dropped. */
    private static String verbatim(String text) {
        return text.replaceAll("[{}\\s]", "");
    }

    private static boolean isBalanced(String tex) {
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
