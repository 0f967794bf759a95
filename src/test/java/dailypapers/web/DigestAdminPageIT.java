package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.account.Role;
import dailypapers.digest.DigestFixture;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin/digests}: counts per state and disabled addresses with the server's answer, for admins only. */
class DigestAdminPageIT {

    private static TestApp app;
    private static DigestFixture fixture;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        fixture = new DigestFixture(app.app());
    }

    @AfterAll
    static void stop() {
        fixture.close();
        app.close();
    }

    @Test
    void anAdminSeesCountsPerStateAndWhyAddressesWereDisabled() {
        Instant due = Instant.parse("2026-08-24T07:00:00Z");
        fixture.subscriber(due);
        Subscription bounced = fixture.subscriber(due);
        fixture.subscriptions.setState(bounced.id(), SubscriptionState.DISABLED,
                Optional.of("550 5.1.1 <b>mailbox</b> unavailable"), due);

        HttpResponse<String> page = app.member(Role.ADMIN).get("/admin/digests");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Email digests", "Subscriptions by state", "Digest mails by outbox state",
                "<th scope=\"row\">confirmed</th><td>1</td>", "<th scope=\"row\">disabled</th><td>1</td>",
                "<th scope=\"row\">pending</th><td>0</td>", bounced.email(),
                "550 5.1.1 &lt;b&gt;mailbox&lt;/b&gt; unavailable", "No digest mail has failed.",
                "Scheduled digests are off");
    }

    @Test
    void membersAndModeratorsAreRefused() {
        assertThat(app.member(Role.MEMBER).get("/admin/digests").statusCode()).isEqualTo(403);
        assertThat(app.member(Role.MODERATOR).get("/admin/digests").statusCode()).isEqualTo(403);
    }
}
