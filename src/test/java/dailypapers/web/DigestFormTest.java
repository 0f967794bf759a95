package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Topic;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestFormTest {

    @Test
    void anEmptyFormIsDailyInUtcWithNoTopics() {
        Preferences preferences = parse(Map.of(), Map.of()).orElseThrow();
        assertThat(preferences.cadence()).isEqualTo(Cadence.DAILY);
        assertThat(preferences.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(preferences.topics()).isEmpty();
    }

    @Test
    void categoriesSplitOnCommasAndLinesAuthorsAndSearchesOnLinesAndRepeatsAreKeptOnce() {
        Preferences preferences = parse(Map.of("cadence", "weekly", "zone", "Asia/Tokyo", "categories",
                " cs.CL,cs.LG\n cs.CL ", "authors", "Lovelace, Ada\r\n\r\nAlan Turing", "queries",
                "early exit, layer-wise\nearly exit, layer-wise", "library", "on"), new HashMap<>()).orElseThrow();
        assertThat(preferences.cadence()).isEqualTo(Cadence.WEEKLY);
        assertThat(preferences.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(preferences.topics()).containsExactly(Topic.category("cs.CL"), Topic.category("cs.LG"),
                Topic.author("Lovelace, Ada"), Topic.author("Alan Turing"), Topic.query("early exit, layer-wise"),
                Topic.library());
    }

    @Test
    void eachFieldAtFaultGetsItsOwnMessage() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(parse(Map.of("cadence", "hourly", "zone", "Europe/Atlantis", "categories", "cs.CL, c$",
                "authors", "x".repeat(251)), errors)).isEmpty();
        assertThat(errors).containsOnlyKeys("cadence", "zone", "categories", "authors");
        assertThat(errors.get("categories")).startsWith("\u201Cc$\u201D: enter an arXiv category");
        assertThat(errors.get("authors")).startsWith("\u201C" + "x".repeat(40) + "\u2026\u201D: keep it under 250");
    }

    @Test
    void moreThanTwentyTopicsIsOneMessageAboveTheTopics() {
        Map<String, String> errors = new LinkedHashMap<>();
        String authors = IntStream.range(0, 21).mapToObj(i -> "Author " + i).collect(Collectors.joining("\n"));
        assertThat(parse(Map.of("authors", authors), errors)).isEmpty();
        assertThat(errors).containsOnlyKeys("topics");
    }

    @Test
    void onlyZonesOfTheListAreTaken() {
        assertThat(parse(Map.of("zone", "+02:00"), new HashMap<>())).isEmpty();
        assertThat(parse(Map.of("zone", "America/Argentina/Buenos_Aires"), new HashMap<>())).isPresent();
        assertThat(DigestForm.ZONES).isSorted().contains("Europe/Paris", "UTC");
    }

    private static Optional<Preferences> parse(Map<String, String> values, Map<String, String> errors) {
        return new DigestForm(values).preferences(errors);
    }
}
