package dailypapers.ingest.arxiv;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to harvest from arXiv's OAI-PMH interface, as an operator writes it: an OAI set ({@code cs},
 * {@code physics:hep-th}) or a category ({@code stat.ML}). OAI sets are whole archives, so a category harvests its
 * archive's set ({@code stat}) and keeps only the records listed in the category, as primary or cross-list.
 *
 * @param spec     as configured; also the source's name after {@code arxiv:}
 * @param oaiSet   the OAI-PMH setSpec requested
 * @param category the category records must be listed in, if any
 */
public record ArxivSet(String spec, String oaiSet, Optional<String> category) {

    /** Archives with a top-level OAI set; the others are physics archives, under {@code physics:}. */
    private static final Set<String> TOP_LEVEL = Set.of("cs", "econ", "eess", "math", "physics", "q-bio", "q-fin",
            "stat");
    private static final Pattern SPEC = Pattern.compile("[a-z][a-z-]*(?::[a-z][a-z-]*)?(?:\\.[A-Za-z-]+)?");

    public static ArxivSet parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (!SPEC.matcher(s).matches()) {
            throw new IllegalArgumentException("not an arXiv set or category: '" + spec
                    + "' (expected like cs, stat.ML or physics:hep-th)");
        }
        if (s.contains(":")) {
            int dot = s.indexOf('.');
            return dot < 0 ? new ArxivSet(s, s, Optional.empty())
                    : new ArxivSet(s, s.substring(0, dot), Optional.of(s.substring(s.indexOf(':') + 1)));
        }
        int dot = s.indexOf('.');
        String archive = dot < 0 ? s : s.substring(0, dot);
        String set = TOP_LEVEL.contains(archive) ? archive : "physics:" + archive;
        return new ArxivSet(s, set, dot < 0 ? Optional.empty() : Optional.of(s));
    }

    public boolean admits(List<String> categories) {
        return category.isEmpty() || categories.contains(category.get());
    }
}
