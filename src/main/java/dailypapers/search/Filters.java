package dailypapers.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Conditions every result must meet; they narrow results without changing scores. All of them must hold: two
 * {@code author:} filters mean papers by both.
 *
 * @param authors       names or parts of names, each matched as a phrase within one author's name
 * @param categories    arXiv categories ({@code cs.CL}) or archives ({@code cs} for every {@code cs.*})
 * @param from          earliest publication day, inclusive
 * @param until         latest publication day, exclusive
 * @param hasCode       only papers with a code repository
 * @param excludedIds   ids to leave out (the paper itself, for similar papers)
 * @param phrases       phrases the title, abstract or authors must contain (for semantic results of a query
 *                      with quoted phrases)
 */
public record Filters(List<String> authors, List<String> categories, Optional<LocalDate> from,
        Optional<LocalDate> until, boolean hasCode, Set<String> excludedIds, List<String> phrases) {

    public static final Filters NONE = new Filters(List.of(), List.of(), Optional.empty(), Optional.empty(), false,
            Set.of(), List.of());

    public Filters {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        excludedIds = Set.copyOf(excludedIds);
        phrases = List.copyOf(phrases);
    }

    public boolean isEmpty() {
        return authors.isEmpty() && categories.isEmpty() && from.isEmpty() && until.isEmpty() && !hasCode
                && excludedIds.isEmpty() && phrases.isEmpty();
    }

    public Filters excluding(String id) {
        return new Filters(authors, categories, from, until, hasCode, Set.of(id), phrases);
    }

    public Filters withPhrases(List<String> required) {
        return new Filters(authors, categories, from, until, hasCode, excludedIds, required);
    }
}
