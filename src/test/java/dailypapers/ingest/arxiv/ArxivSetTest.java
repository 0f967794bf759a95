package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArxivSetTest {

    @Test
    void anArchiveIsItsOwnSetWithoutFilter() {
        assertThat(ArxivSet.parse("cs")).isEqualTo(new ArxivSet("cs", "cs", Optional.empty()));
        assertThat(ArxivSet.parse("hep-th")).isEqualTo(new ArxivSet("hep-th", "physics:hep-th", Optional.empty()));
        assertThat(ArxivSet.parse("physics:hep-th").oaiSet()).isEqualTo("physics:hep-th");
    }

    @Test
    void aCategoryHarvestsItsArchiveAndKeepsOnlyItsRecords() {
        ArxivSet statMl = ArxivSet.parse("stat.ML");
        assertThat(statMl.oaiSet()).isEqualTo("stat");
        assertThat(statMl.admits(List.of("cs.LG", "stat.ML"))).isTrue();
        assertThat(statMl.admits(List.of("stat.ME"))).isFalse();
        assertThat(ArxivSet.parse("astro-ph.CO").oaiSet()).isEqualTo("physics:astro-ph");
        assertThat(ArxivSet.parse("cs").admits(List.of("cs.CL"))).isTrue();
    }

    @Test
    void nonsenseIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ArxivSet.parse("cs; DROP")).hasMessageContaining("expected like cs, stat.ML");
        assertThatThrownBy(() -> ArxivSet.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
