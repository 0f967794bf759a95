package dailypapers.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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

    /** Results must meet these filters and {@code more}: lists joined, the narrower date range, either's ids left out. */
    public Filters and(Filters more) {
        if (more.isEmpty()) {
            return this;
        }
        return new Filters(joined(authors, more.authors), joined(categories, more.categories),
                later(from, more.from), earlier(until, more.until), hasCode || more.hasCode,
                joined(excludedIds, more.excludedIds), joined(phrases, more.phrases));
    }

    private static <T> List<T> joined(Collection<T> a, Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> Set<T> joined(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    public Filters withPhrases(List<String> required) {
        return new Filters(authors, categories, from, until, hasCode, excludedIds, required);
    }
}
