package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import dailypapers.TestData;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API over real HTTP, on the 1,000-paper sample; expectations are computed from the file. */
class PaperApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private static TestApp app;
    /** Featured day → upvotes of the sample's papers featured that day. */
    private static final TreeMap<LocalDate, List<Integer>> featuredByDay = new TreeMap<>();

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.withSample();
        for (JsonNode node : TestData.sampleRecords()) {
            if (!node.get("hf_daily_date").isNull()) {
                featuredByDay.computeIfAbsent(LocalDate.parse(node.get("hf_daily_date").asText()),
                        d -> new ArrayList<>()).add(node.get("upvotes").asInt());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void dayListsThatDaysPapersMostUpvotedFirst() throws IOException {
        LocalDate busiest = featuredByDay.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<LocalDate, List<Integer>> e) -> e.getValue().size()))
                .orElseThrow().getKey();
        HttpResponse<String> response = app.get("/api/daily_papers?date=" + busiest);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = json(response);
        assertThat(items).hasSize(featuredByDay.get(busiest).size());
        List<Integer> upvotes = new ArrayList<>();
        items.forEach(item -> upvotes.add(item.get("paper").get("upvotes").asInt()));
        assertThat(upvotes).isSortedAccordingTo(Comparator.reverseOrder())
                .containsExactlyInAnyOrderElementsOf(featuredByDay.get(busiest));
        items.forEach(item -> assertThat(item.get("paper").get("submittedOnDailyAt").asText())
                .isEqualTo(busiest + "T00:00:00.000Z"));
    }

    @Test
    void itemsHaveHuggingFacesShape() throws IOException {
        JsonNode item = json(app.get("/api/daily_papers?date=" + featuredByDay.lastKey())).get(0);
        assertThat(item.has("publishedAt") && item.has("title") && item.has("summary") && item.has("numComments")
                && item.has("submittedBy") && item.has("isAuthorParticipating")).isTrue();
        JsonNode paper = item.get("paper");
        for (String field : List.of("id", "title", "summary", "authors", "publishedAt", "upvotes", "githubRepo",
                "projectPage", "ai_keywords", "submittedOnDailyAt")) {
            assertThat(paper.has(field)).as(field).isTrue();
        }
        assertThat(paper.get("authors").get(0).get("name").isTextual()).isTrue();
        assertThat(paper.get("publishedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void pagingFollowsTheLinkHeaderUntilAnEmptyPage() throws IOException {
        YearMonth month = YearMonth.from(featuredByDay.lastKey().minusMonths(2));
        int expected = (int) featuredByDay.entrySet().stream()
                .filter(e -> YearMonth.from(e.getKey()).equals(month)).mapToLong(e -> e.getValue().size()).sum();
        assertThat(expected).isGreaterThan(3);

        Set<String> seen = new HashSet<>();
        String url = "/api/daily_papers?month=" + month + "&limit=3";
        int pages = 0;
        while (url != null) {
            HttpResponse<String> response = app.get(url);
            json(response).forEach(item -> assertThat(seen.add(item.get("paper").get("id").asText())).isTrue());
            url = response.headers().firstValue("Link").map(link -> {
                Matcher m = NEXT_LINK.matcher(link);
                assertThat(m.find()).isTrue();
                return m.group(1).substring(app.baseUrl().length());
            }).orElse(null);
            pages++;
        }
        assertThat(seen).hasSize(expected);
        assertThat(pages).isEqualTo((expected + 2) / 3);
        assertThat(json(app.get("/api/daily_papers?month=" + month + "&limit=3&p=" + pages))).isEmpty();
    }

    @Test
    void weekCoversMondayToSunday() throws IOException {
        LocalDate day = featuredByDay.lastKey();
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1);
        int expected = featuredByDay.subMap(monday, monday.plusDays(7)).values().stream().mapToInt(List::size).sum();
        String week = dailypapers.feed.Period.weekOf(day).key();
        assertThat(json(app.get("/api/daily_papers?week=" + week + "&limit=100"))).hasSize(expected);
    }

    @Test
    void withoutAPeriodTheStreamIsNewestFeaturedFirst() throws IOException {
        JsonNode items = json(app.get("/api/daily_papers?limit=5"));
        assertThat(items).hasSize(5);
        assertThat(items.get(0).get("publishedAt").asText()).startsWith(featuredByDay.lastKey().toString());
        List<String> times = new ArrayList<>();
        items.forEach(i -> times.add(i.get("publishedAt").asText()));
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void trendingSortCarriesItsScoreInDescendingOrder() throws IOException {
        JsonNode items = json(app.get("/api/daily_papers?sort=trending&limit=100"));
        assertThat(items).isNotEmpty();
        List<Double> scores = new ArrayList<>();
        items.forEach(i -> scores.add(i.get("trendingScore").asDouble()));
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void paperByAnyIdForm() throws IOException {
        String id = json(app.get("/api/daily_papers?limit=1")).get(0).get("paper").get("id").asText();
        for (String form : List.of(id, id + "v2", "arXiv:" + id)) {
            HttpResponse<String> response = app.get("/api/papers/" + form);
            assertThat(response.statusCode()).as(form).isEqualTo(200);
            assertThat(json(response).get("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void unknownPaperIs404WithJsonError() throws IOException {
        HttpResponse<String> response = app.get("/api/papers/2101.99999");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(json(response).get("code").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "date=2026-13-01               | date",
            "date=yesterday                | date",
            "week=2026-W60                 | week",
            "week=2026-34                  | week",
            "month=2026-8                  | month",
            "date=2026-08-21&month=2026-08 | month",
            "p=-1                          | p",
            "p=abc                         | p",
            "limit=0                       | limit",
            "limit=101                     | limit",
            "limit=1e3                     | limit",
            "sort=random                   | sort",
            "sort=upvotes&sort=trending    | sort",
            "p=1&p=2                       | p",
            "p=%EF%BC%91                   | p",
            "limit=%D9%A3                  | limit",
            "submitter=%FF                 | submitter"
    })
    void badParametersGet400NamingTheParameter(String query, String parameter) throws IOException {
        HttpResponse<String> response = app.get("/api/daily_papers?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("parameter").asText()).isEqualTo(parameter);
        assertThat(error.get("error").asText()).contains(parameter);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dailypapers.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "2401.1", "search-me", "a%2Fb", "%E2%80%AE"})
    void anIdThatIsNotAnArxivIdNamesNoPaperSoItIsA404(String id) throws IOException {
        HttpResponse<String> response = app.get("/api/papers/" + id);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void hugeParameterIsNotEchoedBack() throws IOException {
        HttpResponse<String> response = app.get("/api/daily_papers?date=" + "9".repeat(5_000));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(300);
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() throws IOException {
        HttpResponse<String> response = app.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/daily_papers")).isTrue();
        assertThat(doc.get("paths").has("/api/papers/{id}")).isTrue();
        List<String> documented = new ArrayList<>();
        doc.get("paths").get("/api/daily_papers").get("get").get("parameters")
                .forEach(p -> documented.add(p.get("name").asText()));
        assertThat(documented).containsExactlyInAnyOrder("date", "week", "month", "p", "limit", "sort", "submitter");
    }
}
