package dailypapers.library;

import dailypapers.paper.ArxivId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which arXiv paper a BibTeX entry names, by the ways arXiv, Google Scholar, Semantic Scholar, DBLP and reference
 * managers write it, in this order: {@code eprint} with {@code archivePrefix = {arXiv}} (or biblatex's
 * {@code eprinttype}); an arXiv DOI ({@code 10.48550/arXiv.2401.09603}); an abs or pdf URL on arxiv.org; a
 * {@code journal} (or {@code note}, {@code howpublished}) reading "arXiv preprint arXiv:2401.09603".
 */
public final class ArxivReference {

    private static final Pattern DOI = Pattern.compile("10\\.48550/arxiv\\.(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf)/([^\\s?#]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREPRINT = Pattern.compile("arxiv:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> PREPRINT_FIELDS = List.of("journal", "note", "howpublished");

    private ArxivReference() {
    }

    public static Optional<ArxivId> of(BibtexEntry entry) {
        Optional<String> eprint = entry.field("eprint");
        boolean arxivArchive = entry.field("archiveprefix").or(() -> entry.field("eprinttype"))
                .filter(archive -> archive.equalsIgnoreCase("arxiv")).isPresent();
        if (eprint.isPresent() && arxivArchive) {
            return ArxivId.tryParse(eprint.get());
        }
        Optional<ArxivId> found = entry.field("doi").flatMap(doi -> first(DOI, doi));
        if (found.isEmpty()) {
            found = entry.field("url").flatMap(url -> first(URL, url));
        }
        for (String field : PREPRINT_FIELDS) {
            if (found.isEmpty()) {
                found = entry.field(field).flatMap(text -> first(PREPRINT, text));
            }
        }
        return found;
    }

    private static Optional<ArxivId> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? ArxivId.tryParse(m.group(1).replaceAll("[.,;]$", "")) : Optional.empty();
    }
}
