package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.job.JobScheduler;
import dailypapers.mail.OutboxStore;
import dailypapers.paper.PaperFixtures;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@value DigestModule#JOB} job is on the scheduler only when {@code digest.enabled}, and queues due digests. */
class DigestJobIT {

    private static TestApp start(boolean enabled) throws Exception {
        var dir = Files.createTempDirectory("dailypapers-digest-job");
        return TestApp.start(Config.load(null, Map.of(), Map.of("data.dir", dir.toString(), "http.host", "127.0.0.1",
                "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false", "digest.enabled",
                Boolean.toString(enabled))));
    }

    @Test
    void withDigestsEnabledTheJobQueuesTheDigestsDueAtTheClocksNow() throws Exception {
        try (TestApp app = start(true); DigestFixture fixture = new DigestFixture(app.app())) {
            LocalDate day = LocalDate.ofInstant(TestApp.FIXED_CLOCK.instant(), TestApp.FIXED_CLOCK.getZone());
            fixture.papers(PaperFixtures.paper().featuredOn(day.minusDays(2)).upvotes(5).build());
            Subscription due = fixture.subscriber(TestApp.FIXED_CLOCK.instant().minusSeconds(60));
            Subscription later = fixture.subscriber(Instant.parse("2026-08-24T07:00:00Z"));

            assertThat(app.app().jobs().runNow(DigestModule.JOB)).isEqualTo(JobScheduler.Outcome.RAN);

            assertThat(fixture.reload(due).lastDigestAt()).contains(due.nextDueAt().orElseThrow());
            assertThat(fixture.reload(later).lastDigestAt()).isEmpty();
            assertThat(app.app().mail().counts(DigestService.KIND).get(OutboxStore.State.PENDING)).isEqualTo(1);
        }
    }

    @Test
    void withDigestsDisabledThereIsNoJob() throws Exception {
        try (TestApp app = start(false)) {
            assertThatThrownBy(() -> app.app().jobs().runNow(DigestModule.JOB))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void composingByHandIsRefusedWhileTheDigestLeaseIsHeld() throws Exception {
        try (TestApp app = start(false)) {
            Optional<Optional<DigestService.Run>> nested = app.app().jobs().runExclusive(DigestModule.JOB,
                    () -> app.app().digests().composeNow(false));
            assertThat(nested).contains(Optional.empty());
            assertThat(app.app().digests().composeNow(true)).contains(new DigestService.Run(0, 0, 0, 0));
        }
    }
}
