package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    @Test
    void bothMustHoldTheNarrowerRangeAndEveryListJoined() {
        Filters typed = UserQuery.parse("author:Lovelace cat:cs.CL date:2026-05-01..2026-06-30 has:code").filters();
        Filters window = new Filters(List.of("Turing"), List.of("cs"), Optional.of(JUNE), Optional.of(JULY), false,
                Set.of("2601.00001"), List.of());

        Filters both = typed.and(window);

        assertThat(both.from()).contains(JUNE);
        assertThat(both.until()).contains(JULY);
        assertThat(both.authors()).containsExactly("Lovelace", "Turing");
        assertThat(both.categories()).containsExactly("cs.CL", "cs");
        assertThat(both.hasCode()).isTrue();
        assertThat(both.excludedIds()).containsExactly("2601.00001");
        assertThat(Filters.NONE.and(window).from()).contains(JUNE);
        assertThat(window.and(new Filters(List.of(), List.of(), Optional.of(MAY), Optional.empty(), false, Set.of(),
                List.of())).from()).as("the later start").contains(JUNE);
        assertThat(typed.and(Filters.NONE)).isSameAs(typed);
    }

    @Test
    void aQueryNarrowedByFiltersKeepsItsWords() {
        UserQuery query = UserQuery.parse("quantum annealing").narrowedBy(new Filters(List.of(), List.of(),
                Optional.of(JUNE), Optional.of(JULY), false, Set.of(), List.of()));
        assertThat(query.plainText()).isEqualTo("quantum annealing");
        assertThat(query.filters().from()).contains(JUNE);
    }
}
