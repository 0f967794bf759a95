package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.digest.DigestFixture;
import dailypapers.digest.Subscription;
import dailypapers.paper.PaperFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest preview} and {@code digest send} as an operator runs them, on an instance without SMTP. */
class DigestCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** Papers and one confirmed subscriber due at {@code due}, stored by an instance that is then closed. */
    private Subscription seed(Instant due, LocalDate featured) {
        Config config = Config.load(null, Map.of(), Map.of("data.dir", dir.toString()));
        try (App app = App.open(config, Clock.systemUTC()); DigestFixture fixture = new DigestFixture(app)) {
            fixture.papers(PaperFixtures.paper().featuredOn(featured).upvotes(7)
                    .title("Sparse attention for long documents").build());
            return fixture.subscriber(due);
        }
    }

    @Test
    void previewWritesTheDigestOfADayAsEmlAndHtmlAndStoresNothing() throws Exception {
        Subscription ada = seed(Instant.parse("2026-06-02T07:00:00Z"), LocalDate.of(2026, 6, 1));
        Path preview = dir.resolve("preview");

        int code = run("digest", "preview", "--email", ada.email().toUpperCase(), "--date", "2026-06-02", "--out",
                preview.toString());

        assertThat(code).as(err.toString()).isZero();
        Path eml = preview.resolve("digest-" + ada.email() + "-2026-06-02.eml");
        Path html = preview.resolve("digest-" + ada.email() + "-2026-06-02.html");
        assertThat(out.toString()).contains("1 paper for " + ada.email(), eml.toString(), html.toString());
        assertThat(Files.readString(eml)).contains("To: " + ada.email(), "List-Unsubscribe: <",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "multipart/alternative");
        assertThat(Files.readString(html)).contains("Sparse attention for long documents", "<!DOCTYPE html>");
        assertThat(run("digest", "send", "--dry-run")).isZero();
        assertThat(out.toString()).as("the preview stored nothing: the digest is still due")
                .contains("1 subscribers, 1 digests would be sent with 1 papers");
    }

    @Test
    void previewOfAnUnknownAddressIsAClearError() {
        seed(Instant.parse("2026-06-02T07:00:00Z"), LocalDate.of(2026, 6, 1));

        assertThat(run("digest", "preview", "--email", "nobody@example.org")).isEqualTo(1);
        assertThat(err.toString()).contains("no subscription for nobody@example.org").doesNotContain("Exception");
        assertThat(run("digest", "preview", "--email", "nobody@example.org", "--date", "June 2")).isEqualTo(1);
        assertThat(err.toString()).contains("--date: expected a day as YYYY-MM-DD");
        assertThat(run("digest", "preview", "--email", "not an address")).isEqualTo(1);
        assertThat(err.toString()).contains("--email: enter an email address such as ada@example.org, got 'not an"
                + " address'").doesNotContain("Exception");
    }

    @Test
    void sendComposesTheDueDigestsAndDeliversThemAndADryRunStoresNothing() throws Exception {
        Instant now = Instant.now();
        seed(now.minus(Duration.ofHours(1)), LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(3));

        assertThat(run("digest", "send", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dry run: 1 subscribers, 1 digests would be sent with 1 papers, 0 empty;"
                + " nothing stored or sent");
        assertThat(dir.resolve("outbox")).doesNotExist();

        assertThat(run("digest", "send")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("composed: 1 subscribers, 1 digests queued with 1 papers, 0 empty,"
                + " 0 failed", "delivered: 1 messages via file " + dir.resolve("outbox"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir.resolve("outbox"))) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(file -> assertThat(Files.readString(file))
                .contains("Sparse attention for long documents"));

        assertThat(run("digest", "send", "--all")).isZero();
        assertThat(out.toString()).as("nothing new since").contains("composed: 1 subscribers, 0 digests queued");
    }

    @Test
    void withTheIndexHeldByARunningServerTheCommandsSaySo() {
        Config config = Config.load(null, Map.of(), Map.of("data.dir", dir.toString()));
        try (App server = App.open(config, Clock.systemUTC())) {
            assertThat(run("digest", "send")).isEqualTo(1);
            assertThat(err.toString()).contains("the search index is held by a running server");
        }
    }
}
