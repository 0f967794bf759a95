package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.feed.TrendingScore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Trending over HTTP, on one database kind per subclass: the page, the Atom feed and the API list the window's
 * papers in the order of the formula worked out here from each paper's upvotes and featured instant (as the day
 * listings report them), before and after members vote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrendingContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate LATEST = LocalDate.of(2026, 8, 21);
    private static final Pattern FEED_ENTRY_ID = Pattern.compile("<entry><id>[^<]*/abs/([^<]+)</id>");

    private final PageFixtures fixtures = new PageFixtures();
    private final Map<String, String> ids = new HashMap<>();
    private TestApp app;

    /** The app on this subclass's database, empty. */
    protected abstract TestApp startApp();

    /** Drops what {@link #startApp()} made, after the app is closed. */
    protected abstract void dropDatabase();

    @BeforeAll
    void start() {
        app = startApp();
        featured("fresh", LATEST, 0);
        featured("freshFew", LATEST, 3);
        featured("yesterday", LATEST.minusDays(1), 12);
        featured("tieOlder", LATEST.minusDays(2), 40);
        featured("tieNewer", LATEST.minusDays(2), 40);
        featured("popular", LATEST.minusDays(4), 150);
        featured("famous", LATEST.minusDays(6), 900);
        featured("quiet", LATEST.minusDays(3), 1);
        featured("outsideTheWindow", LATEST.minusDays(7), 5000);
        app.importFile(fixtures.write(app.directory()));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
            dropDatabase();
        }
    }

    private void featured(String name, LocalDate day, int upvotes) {
        ObjectNode paper = fixtures.paper().put("hf_daily_date", day.toString()).put("upvotes", upvotes);
        ids.put(name, paper.get("id").asText());
    }

    @Test
    void thePageTheFeedAndTheApiFollowTheFormulaAndAVoteMovesAPaperUpAtOnce() throws IOException {
        List<String> before = rankedByFormula();
        assertThat(before).doesNotContain(ids.get("outsideTheWindow")).hasSize(8)
                .endsWith(ids.get("fresh"), ids.get("famous"), ids.get("quiet"));
        assertEverySurfaceListsInOrder(before);

        // Four votes lift a paper without any from 6th to 1st: log10(5) + 2 days / 2 days per tenfold beats all.
        List<TestMember> voters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestMember voter = app.member(Role.MEMBER);
            voters.add(voter);
            assertThat(voter.postForm("/papers/" + ids.get("fresh") + "/upvote", Map.of("action", "add"))
                    .statusCode()).isEqualTo(303);
        }
        List<String> voted = rankedByFormula();
        assertThat(voted.getFirst()).isEqualTo(ids.get("fresh"));
        assertEverySurfaceListsInOrder(voted);

        // With three it ties the paper of three upstream upvotes featured at the same instant: the newer id first.
        voters.getFirst().postForm("/papers/" + ids.get("fresh") + "/upvote", Map.of("action", "remove"));
        List<String> withdrawn = rankedByFormula();
        int few = withdrawn.indexOf(ids.get("freshFew"));
        assertThat(withdrawn.subList(few, few + 2)).containsExactly(ids.get("freshFew"), ids.get("fresh"));
        assertEverySurfaceListsInOrder(withdrawn);
    }

    private void assertEverySurfaceListsInOrder(List<String> expected) throws IOException {
        assertThat(PageFixtures.cardIds(ok("/trending"))).as("the page").isEqualTo(expected);
        assertThat(feedIds(ok("/feeds/trending.atom"))).as("the feed").isEqualTo(expected);
        JsonNode items = JSON.readTree(ok("/api/daily_papers?sort=trending&limit=100"));
        List<String> apiIds = new ArrayList<>();
        for (JsonNode item : items) {
            apiIds.add(item.path("paper").path("id").asText());
            assertThat(item.path("trendingScore").asDouble()).as("the score of " + apiIds.getLast())
                    .isEqualTo(score(item));
        }
        assertThat(apiIds).as("the API").isEqualTo(expected);
        List<String> secondPage = new ArrayList<>();
        JSON.readTree(ok("/api/daily_papers?sort=trending&limit=3&p=1"))
                .forEach(item -> secondPage.add(item.path("paper").path("id").asText()));
        assertThat(secondPage).as("the API's second page of 3").isEqualTo(expected.subList(3, 6));
    }

    /**
     * The window's papers (featured in the {@link TrendingScore#WINDOW_DAYS} days up to the newest featured day)
     * from each day's listing, sorted by the score worked out from their upvotes and featured instant, equal scores
     * to the newer id.
     */
    private List<String> rankedByFormula() throws IOException {
        List<JsonNode> window = new ArrayList<>();
        for (int back = 0; back < TrendingScore.WINDOW_DAYS; back++) {
            JSON.readTree(ok("/api/daily_papers?limit=100&date=" + LATEST.minusDays(back))).forEach(window::add);
        }
        return window.stream()
                .sorted(Comparator.comparingDouble(TrendingContract::score).reversed()
                        .thenComparing(item -> item.path("paper").path("id").asText(), Comparator.reverseOrder()))
                .map(item -> item.path("paper").path("id").asText()).toList();
    }

    private static double score(JsonNode dailyItem) {
        return TrendingScore.score(dailyItem.path("paper").path("upvotes").asInt(),
                Instant.parse(dailyItem.path("publishedAt").asText()));
    }

    private static List<String> feedIds(String atom) {
        List<String> found = new ArrayList<>();
        Matcher m = FEED_ENTRY_ID.matcher(atom);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private String ok(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
