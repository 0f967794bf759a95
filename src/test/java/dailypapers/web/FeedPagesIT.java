package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.feed.FeedService;
import dailypapers.feed.Period;
import dailypapers.feed.TrendingScore;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listings over real HTTP: the 1,000-paper sample for real-world data, and small written files for edge cases. */
class FeedPagesIT {

    /** Sixty papers featured on one day, so that day needs two pages. */
    private static final LocalDate BUSY_DAY = LocalDate.of(2026, 8, 11);
    private static final int BUSY_DAY_PAPERS = 60;
    /** The newest featured day of the written file: one hostile paper and two plain ones. */
    private static final LocalDate LATEST_WRITTEN_DAY = LocalDate.of(2026, 8, 12);

    @TempDir
    static Path directory;

    private static TestApp sample;
    private static TestApp written;
    private static List<JsonNode> records;
    private static String hostileId;
    private static String olderPaperId;
    private static String thisYearPaperId;

    @BeforeAll
    static void start() {
        records = TestData.sampleRecords();
        sample = TestApp.withSample();

        PageFixtures fixtures = new PageFixtures();
        IntStream.range(0, BUSY_DAY_PAPERS).forEach(i -> fixtures.paper().put("hf_daily_date", BUSY_DAY.toString()));
        ObjectNode hostile = fixtures.paper()
                .put("title", "<script>alert(1)</script> Attention")
                .put("abstract", "Results <img src=x onerror=alert(2)> & more.")
                .put("hf_daily_date", LATEST_WRITTEN_DAY.toString());
        hostile.putArray("authors").add("\"><svg onload=alert(3)>");
        hostileId = hostile.get("id").asText();
        ObjectNode older = fixtures.paper()
                .put("published", "2024-10-16")
                .put("github", "https://github.com/example/older")
                .put("num_comments", 3)
                .put("hf_daily_date", LATEST_WRITTEN_DAY.toString());
        older.putArray("authors").add("A One").add("B Two").add("C Three").add("D Four").add("E Five");
        older.putArray("categories").add("cs.CL").add("cs.AI").add("cs.ZZ");
        olderPaperId = older.get("id").asText();
        thisYearPaperId = fixtures.paper().put("published", "2026-03-04")
                .put("hf_daily_date", LATEST_WRITTEN_DAY.toString()).get("id").asText();
        written = TestApp.start();
        written.importFile(fixtures.write(directory));
    }

    @AfterAll
    static void stop() {
        if (sample != null) {
            sample.close();
        }
        if (written != null) {
            written.close();
        }
    }

    @Test
    void homeShowsTheLatestFeaturedDayMostUpvotedFirst() {
        LocalDate latest = latestFeaturedDay();
        List<String> expected = featuredMostUpvotedFirst(day -> day.equals(latest));

        String html = ok(sample.get("/"));

        assertThat(html).contains("<h1>" + DateText.weekday(latest) + "</h1>")
                .contains(PaperCard.count(expected.size(), "paper") + " featured on this day");
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
    }

    @Test
    void dayListsItsPapersMostUpvotedFirst() {
        LocalDate busiest = records.stream().filter(r -> r.hasNonNull("hf_daily_date"))
                .collect(Collectors.groupingBy(FeedPagesIT::featuredDay, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<LocalDate, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        List<String> expected = featuredMostUpvotedFirst(day -> day.equals(busiest));

        String html = ok(sample.get("/papers/date/" + busiest));

        assertThat(expected).hasSizeGreaterThan(2);
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
    }

    @Test
    void anInstanceThatRendersNoThumbnailsShowsPlainCardsWithoutPlaceholders() {
        String home = sample.get("/").body();

        assertThat(home).contains("class=\"card").doesNotContain("thumb placeholder").doesNotContain("cards grid");
    }

    @Test
    void previousDayLinkSkipsEmptyDays() {
        LocalDate latest = latestFeaturedDay();
        LocalDate previous = featuredDays().filter(day -> day.isBefore(latest)).max(Comparator.naturalOrder())
                .orElseThrow();

        String html = ok(sample.get("/"));

        assertThat(previous).isBefore(latest.minusDays(1));
        assertThat(html).contains("<a class=\"step previous\" href=\"/papers/date/" + previous + "\">"
                        + "<span class=\"step-label\">← previous day</span>")
                .doesNotContain("next day →");
    }

    @Test
    void dayWithoutPapersOffersTheNearestDaysWithPapers() {
        LocalDate latest = latestFeaturedDay();
        LocalDate empty = latest.minusDays(1);
        LocalDate previous = featuredDays().filter(day -> day.isBefore(empty)).max(Comparator.naturalOrder())
                .orElseThrow();

        HttpResponse<String> response = sample.get("/papers/date/" + empty);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No papers featured on " + DateText.full(empty))
                .contains("href=\"/papers/date/" + previous + "\"")
                .contains("href=\"/papers/date/" + latest + "\"");
        assertThat(PageFixtures.cardIds(response.body())).isEmpty();
    }

    @Test
    void dayOffersItsWeekMonthAndCalendarInOneNavigation() {
        LocalDate latest = latestFeaturedDay();

        String html = ok(sample.get("/papers/date/" + latest));

        assertThat(html).contains("<nav class=\"period-tabs\" aria-label=\"Daily Papers by\">")
                .contains("href=\"/papers/date/" + latest + "\" aria-current=\"page\">Day</a>")
                .contains("href=\"/papers/week/" + Period.weekOf(latest).key() + "\">Week</a>")
                .contains("href=\"/papers/month/" + Period.monthOf(latest).key() + "\">Month</a>")
                .contains("href=\"/papers/month/" + Period.monthOf(latest).key() + "#calendar\">Calendar of ")
                .contains("<a href=\"/\" aria-current=\"page\">Daily</a>");
        // Trending and New are in the main navigation once, not repeated as tabs of the listing.
        assertThat(html.split("href=\"/trending\"", -1)).hasSize(2);
        assertThat(html.split("href=\"/new\"", -1)).hasSize(2);
        assertThat(html).doesNotContain("class=\"tabs\"");
    }

    @Test
    void trendingAndNewAreMarkedInTheMainNavigationAndHaveNoPeriodTabs() {
        assertThat(ok(sample.get("/trending"))).contains("<a href=\"/trending\" aria-current=\"page\">Trending</a>")
                .doesNotContain("period-tabs").doesNotContain("day-picker");
        assertThat(ok(sample.get("/new"))).contains("<a href=\"/new\" aria-current=\"page\">New</a>")
                .doesNotContain("period-tabs");
    }

    @Test
    void everyDailyListingHasADayPickerThatWorksWithoutScript() {
        LocalDate latest = latestFeaturedDay();
        for (String page : List.of("/", "/papers/date/" + latest, "/papers/week/" + Period.weekOf(latest).key(),
                "/papers/month/2026-05")) {
            assertThat(ok(sample.get(page))).as(page)
                    .contains("<form class=\"day-picker\" method=\"get\" action=\"/papers/date\">")
                    .contains("<label for=\"day-picker-date\">Go to day</label>")
                    .containsPattern("<input id=\"day-picker-date\" name=\"date\" type=\"date\""
                            + " value=\"\\d{4}-\\d{2}-\\d{2}\" required>");
        }
        assertThat(ok(sample.get("/papers/date/" + latest))).contains("type=\"date\" value=\"" + latest + "\"");
    }

    @Test
    void thePickedDayRedirectsToItsListing() {
        for (HttpResponse<String> response : List.of(sample.get("/papers/date?date=2026-05-03"),
                sample.head("/papers/date?date=2026-05-03"))) {
            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).contains("/papers/date/2026-05-03");
        }
    }

    @Test
    void aBadOrMissingPickedDayIsAStyled400NamingDate() {
        for (String query : List.of("?date=2026-02-30", "?date=tomorrow", "?date=", "")) {
            HttpResponse<String> response = sample.get("/papers/date" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).as(query).contains("invalid parameter 'date'")
                    .contains("<h1 id=\"error-title\">Bad request</h1>");
        }
    }

    @Test
    void monthCalendarLinksEachFeaturedDayWithItsCount() {
        Period month = Period.parseMonth("2026-05");
        Map<LocalDate, Long> counts = featuredDays().filter(d -> !d.isBefore(month.from()) && d.isBefore(month.until()))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));

        String html = ok(sample.get("/papers/month/2026-05"));

        assertThat(counts).hasSizeGreaterThan(3);
        assertThat(html).contains("<table class=\"calendar\" id=\"calendar\">")
                .contains("<caption>Featured papers in May 2026</caption>")
                .contains("<th scope=\"col\"><abbr title=\"Monday\">Mon</abbr></th>")
                .contains("<th scope=\"row\"><a href=\"/papers/week/2026-W18\" title=\"Week 18\">W18</a></th>");
        counts.forEach((day, papers) -> assertThat(html).as(day.toString()).contains("<a href=\"/papers/date/" + day
                + "\" aria-label=\"" + PaperCard.count(papers.intValue(), "paper") + " on " + day.getDayOfMonth()
                + " May 2026\"><span class=\"day-number\">" + day.getDayOfMonth()
                + "</span><span class=\"day-count\" aria-hidden=\"true\">" + papers + "</span></a>"));
        assertThat(html.split("<td class=\"has-papers\">", -1)).hasSize(counts.size() + 1);
        assertThat(ok(sample.get("/papers/date/" + counts.keySet().iterator().next()))).doesNotContain("<table");
    }

    @Test
    void theCalendarMarksToday() {
        // The test clock stands on 2026-08-22, a day without papers in the written file.
        String html = ok(written.get("/papers/month/2026-08"));

        assertThat(html).contains("<td><span class=\"day-number\" aria-current=\"date\">22</span>"
                        + "<span class=\"visually-hidden\">, today</span></td>")
                .contains("aria-label=\"" + BUSY_DAY_PAPERS + " papers on 11 August 2026\"")
                .contains("aria-label=\"3 papers on 12 August 2026\"");
    }

    @Test
    void weekListsItsPapersMostUpvotedFirst() {
        Period week = Period.weekOf(latestFeaturedDay());
        List<String> expected = featuredMostUpvotedFirst(day -> !day.isBefore(week.from())
                && day.isBefore(week.until()));

        String html = ok(sample.get("/papers/week/" + week.key()));

        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
        assertThat(html).contains("<h1>" + DateText.heading(week) + "</h1>");
    }

    @Test
    void monthListsItsPapersMostUpvotedFirst() {
        Period month = Period.parseMonth("2026-05");
        List<String> expected = featuredMostUpvotedFirst(day -> !day.isBefore(month.from())
                && day.isBefore(month.until()));

        String html = ok(sample.get("/papers/month/2026-05"));

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
        assertThat(html).contains("<h1>May 2026</h1>").contains("← previous month").contains("next month →");
    }

    @Test
    void secondPageHoldsThePapersAfterTheFirstFifty() {
        String first = ok(written.get("/papers/date/" + BUSY_DAY));
        String second = ok(written.get("/papers/date/" + BUSY_DAY + "?p=1"));

        List<String> firstIds = PageFixtures.cardIds(first);
        List<String> secondIds = PageFixtures.cardIds(second);
        assertThat(firstIds).hasSize(Pager.PAGE_SIZE);
        assertThat(secondIds).hasSize(BUSY_DAY_PAPERS - Pager.PAGE_SIZE).doesNotContainAnyElementsOf(firstIds);
        // The fixture gives the n-th paper n upvotes, so the most upvoted is the last one written.
        assertThat(firstIds.getFirst()).isEqualTo(String.format("2608.%05d", 90_000 + BUSY_DAY_PAPERS));
        assertThat(secondIds.getLast()).isEqualTo("2608.90001");
        assertThat(first).contains("href=\"/papers/date/" + BUSY_DAY + "?p=1\">Next page →</a>")
                .contains("Papers 1–50 of 60");
        assertThat(second).contains("href=\"/papers/date/" + BUSY_DAY + "\">← Previous page</a>")
                .contains("Papers 51–60 of 60");
    }

    @Test
    void pagePastTheEndSaysSoAndLinksTheFirstPage() {
        String html = ok(written.get("/papers/date/" + BUSY_DAY + "?p=7"));

        assertThat(html).contains("Nothing on this page").contains("href=\"/papers/date/" + BUSY_DAY + "\"");
        assertThat(PageFixtures.cardIds(html)).isEmpty();
    }

    @Test
    void badPageParameterIsA400ThatNamesIt() {
        for (String query : List.of("?p=abc", "?p=-1", "?p=1.5")) {
            HttpResponse<String> response = sample.get("/papers/month/2026-05" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("invalid parameter 'p'")
                    .contains("<h1 id=\"error-title\">Bad request</h1>");
        }
    }

    @Test
    void malformedDatesWeeksAndMonthsAreA400() {
        Map<String, String> parameterByPath = Map.of(
                "/papers/date/2026-02-30", "date",
                "/papers/date/yesterday", "date",
                "/papers/week/2026-W60", "week",
                "/papers/month/2026-13", "month",
                "/new/2026-8-1", "date");
        parameterByPath.forEach((path, parameter) -> {
            HttpResponse<String> response = sample.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("invalid parameter '" + parameter + "'");
        });
    }

    @Test
    void cardShowsAuthorsDateCodeCommentsAndCategoryChipsByName() {
        String html = ok(written.get("/"));

        String older = PageFixtures.card(html, olderPaperId);
        assertThat(older).contains("5 authors")
                .contains("<time datetime=\"2024-10-16\">Oct 16, 2024</time>")
                .contains("href=\"https://github.com/example/older\"")
                .contains("3 comments")
                .contains("<a class=\"chip\" href=\"/categories/cs.CL\">Computation and Language"
                        + " <span class=\"chip-code\">cs.CL</span></a>")
                .contains("<a class=\"chip\" href=\"/categories/cs.AI\">Artificial Intelligence"
                        + " <span class=\"chip-code\">cs.AI</span></a>")
                .contains("<a class=\"chip\" href=\"/categories/cs.ZZ\">cs.ZZ</a>");
        String thisYear = PageFixtures.card(html, thisYearPaperId);
        assertThat(thisYear).contains("1 author<").contains("<time datetime=\"2026-03-04\">Mar 4</time>")
                .doesNotContain("Code").doesNotContain("comment");
    }

    @Test
    void upstreamMarkupInListingsIsEscaped() {
        String html = ok(written.get("/"));

        assertThat(PageFixtures.cardIds(html)).contains(hostileId);
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention")
                .contains("Results &lt;img src=x onerror=alert(2)&gt; &amp; more.");
    }

    @Test
    void trendingShowsScoresInRankOrderAndLinksToTheFormula() {
        List<FeedService.Trending> ranked = sample.app().feed().feed().trending(0, Pager.PAGE_SIZE).items();

        String html = ok(sample.get("/trending"));

        assertThat(ranked).isNotEmpty();
        assertThat(PageFixtures.cardIds(html))
                .isEqualTo(ranked.stream().map(t -> t.entry().paper().id().value()).toList());
        assertThat(html).contains("score " + AboutView.score(ranked.getFirst().score()))
                .contains("<a href=\"/about\">How ranking works</a>")
                .contains(AboutView.formula());
    }

    @Test
    void newListsTheLatestPublicationDayNewestIdFirst() {
        LocalDate latest = records.stream().map(r -> LocalDate.parse(r.get("published").asText()))
                .max(Comparator.naturalOrder()).orElseThrow();
        List<String> expected = records.stream().filter(r -> r.get("published").asText().equals(latest.toString()))
                .map(r -> r.get("id").asText()).sorted(Comparator.reverseOrder()).toList();

        String html = ok(sample.get("/new"));

        assertThat(html).contains("<h1>Published " + DateText.weekday(latest) + "</h1>")
                .contains("<label for=\"category\">Category</label>")
                .contains("<form class=\"filter\" method=\"get\" action=\"/new\"");
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
    }

    @Test
    void newFiltersByCategoryAndStepsBetweenItsDays() {
        List<JsonNode> inCategory = records.stream()
                .filter(r -> r.get("categories").toString().contains("\"cs.CV\"")).toList();
        List<LocalDate> days = inCategory.stream().map(r -> LocalDate.parse(r.get("published").asText()))
                .distinct().sorted(Comparator.reverseOrder()).toList();

        String html = ok(sample.get("/new?category=cs.CV"));

        assertThat(html).contains("<h1>Published " + DateText.weekday(days.get(0)) + " in cs.CV</h1>")
                .contains("value=\"cs.CV\"")
                .contains("href=\"/new/" + days.get(1) + "?category=cs.CV\"");
        assertThat(PageFixtures.cardIds(html)).isEqualTo(inCategory.stream()
                .filter(r -> r.get("published").asText().equals(days.get(0).toString()))
                .map(r -> r.get("id").asText()).sorted(Comparator.reverseOrder()).toList());
        assertThat(sample.get("/new/" + days.get(1) + "?category=cs.CV").body())
                .contains("href=\"/new/" + days.get(0) + "?category=cs.CV\"");
        assertThat(sample.get("/new?category=%3Cb%3E").statusCode()).isEqualTo(400);
    }

    @Test
    void aboutPrintsTheTrendingFormulaWithTheConstantsFromTrendingScore() {
        FeedService.Trending top = sample.app().feed().feed().trending(0, 1).items().getFirst();

        String html = ok(sample.get("/about"));

        assertThat(html)
                .contains("score = log<sub>10</sub>(upvotes + 1) + (hours from 2020-01-01 00:00 UTC to featured) / "
                        + plain(TrendingScore.HOURS_PER_TENFOLD) + "</code>")
                .contains("<th scope=\"row\"><code>HOURS_PER_TENFOLD</code></th><td>"
                        + plain(TrendingScore.HOURS_PER_TENFOLD) + "</td>")
                .contains("<th scope=\"row\"><code>EPOCH</code></th><td>2020-01-01 00:00 UTC</td>")
                .contains("<th scope=\"row\"><code>WINDOW_DAYS</code></th><td>" + TrendingScore.WINDOW_DAYS
                        + "</td>")
                .contains("<tr><td>48</td><td>109</td></tr>")
                .contains("last " + TrendingScore.WINDOW_DAYS + " days")
                .contains("href=\"" + Links.paper(top.entry().paper().id()) + "\"")
                .contains(" = " + AboutView.score(top.score()) + "</code>");
    }

    @Test
    void everyListingAnnouncesItsAtomFeed() {
        Map<String, String> feedByPage = Map.of(
                "/", "/feeds/daily.atom",
                "/papers/date/" + latestFeaturedDay(), "/feeds/daily.atom?date=" + latestFeaturedDay(),
                "/papers/week/2026-W20", "/feeds/daily.atom?week=2026-W20",
                "/papers/month/2026-05", "/feeds/daily.atom?month=2026-05",
                "/trending", "/feeds/trending.atom",
                "/new?category=cs.CV", "/feeds/new.atom?category=cs.CV",
                "/categories/cs.CV", "/feeds/categories/cs.CV",
                "/authors/Dahua%20Lin", "/feeds/authors/Dahua%20Lin");
        feedByPage.forEach((page, feed) -> assertThat(ok(sample.get(page))).as(page)
                .containsPattern("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\""
                        + Pattern.quote(feed) + "\">"));
    }

    @Test
    void everyPageHasTheHeaderNavigationSkipLinkAndOneHeading() {
        for (String page : List.of("/", "/trending", "/new", "/about", "/papers/date/2026-13-01")) {
            String html = sample.get(page).body();

            assertThat(html).as(page).contains("<a class=\"skip-link\" href=\"#main\">")
                    .contains("<span>Daily Papers</span></a>")
                    .contains("href=\"/trending\"").contains("href=\"/new\"").contains("href=\"/about\"")
                    .contains("<form class=\"subscribe\" method=\"post\" action=\"/subscribe\"",
                            "<strong>Get trending papers in your email inbox</strong>",
                            "<a class=\"subscribe-link\" href=\"/feeds/trending.atom\"");
            assertThat(html.split("<h1", -1)).as(page).hasSize(2);
        }
    }

    @Test
    void emptyInstanceExplainsHowToImportPapers() {
        try (TestApp empty = TestApp.start()) {
            for (String page : List.of("/", "/trending", "/new")) {
                HttpResponse<String> response = empty.get(page);

                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(response.body()).as(page).contains("No papers yet")
                        .contains("<code>./dailypapers import papers.jsonl.gz</code>")
                        .contains("arXiv and Hugging Face harvesters").contains("href=\"/admin/harvest\"");
            }
        }
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        return response.body();
    }

    private static LocalDate latestFeaturedDay() {
        return featuredDays().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static Stream<LocalDate> featuredDays() {
        return records.stream().filter(r -> r.hasNonNull("hf_daily_date")).map(FeedPagesIT::featuredDay);
    }

    private static LocalDate featuredDay(JsonNode record) {
        return LocalDate.parse(record.get("hf_daily_date").asText());
    }

    /** The sample's papers featured on matching days, in the documented order: upvotes, then newer day, then id. */
    private static List<String> featuredMostUpvotedFirst(Predicate<LocalDate> onDay) {
        Function<JsonNode, Integer> upvotes = r -> r.path("upvotes").asInt(0);
        return records.stream().filter(r -> r.hasNonNull("hf_daily_date") && onDay.test(featuredDay(r)))
                .sorted(Comparator.comparing(upvotes).reversed()
                        .thenComparing(FeedPagesIT::featuredDay, Comparator.reverseOrder())
                        .thenComparing(r -> r.get("id").asText(), Comparator.reverseOrder()))
                .map(r -> r.get("id").asText()).toList();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
