package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestData;
import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.moderation.AuditEntry;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.submission.Submission;
import dailypapers.submission.SubmissionService;
import dailypapers.submission.SubmissionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Submitting papers over HTTP, every rule on each database: who may, any id form, metadata from the database or
 * arXiv's API (a replay server), the age limit and the moderators' exemption, the daily cap, duplicates with who
 * featured them, arXiv being down, the "Submitted by" on cards, pages and the API, and moderators hiding a
 * submission.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubmissionPagesContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM = "application/atom+xml";

    private final TestDatabase kind;
    private MembersApp members;

    protected SubmissionPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        members = new MembersApp(kind, new SubmissionSettings(7, 3, false));
    }

    @AfterAll
    void stop() {
        if (members != null) {
            members.close();
        }
    }

    @BeforeEach
    void replayArxiv() {
        members.arxiv.clearRequests();
        members.arxiv.route(SubmissionPagesContract::recorded);
    }

    /** arXiv's answers: a recent paper, an old one (1611.09520), and an empty feed for any other id. */
    private static Reply recorded(URI uri) {
        String query = uri.getQuery();
        if (query.startsWith("id_list=2608.09001&")) {
            return Reply.ok(resource("/submission/arxiv-api-2608.09001.atom.xml"), ATOM);
        }
        if (query.startsWith("id_list=1611.09520&")) {
            return Reply.ok(resource("/ingest/arxiv/api-2025-layout.atom.xml"), ATOM);
        }
        return Reply.ok("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(), ATOM);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SubmissionPagesContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> submit(TestMember member, String id) {
        return member.postForm("/submit", Map.of("id", id));
    }

    private boolean isFeatured(ArxivId id) {
        return members.app.app().feed().papers().find(id).flatMap(e -> e.featuring()).isPresent();
    }

    @Test
    void anAnonymousVisitorIsSentToSignInAndCannotPost() {
        HttpResponse<String> page = members.app.get("/submit");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fsubmit");
        ArxivId id = members.recentPaper();

        HttpResponse<String> post = members.anonymousPost("/submit", Map.of("id", id.value()));

        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(isFeatured(id)).isFalse();
    }

    @Test
    void aMemberSubmitsAPaperArxivKnowsByItsUrlAndItIsFeaturedTodayUnderTheirName() throws IOException {
        TestMember ada = members.app.member(Role.MEMBER);
        String etag = members.app.get("/papers/date/" + MembersApp.TODAY).headers().firstValue("ETag").orElseThrow();
        assertThat(ada.get("/submit").body()).contains("name=\"id\"", "At most 3 papers a day",
                "Papers published at most 7 days ago");

        HttpResponse<String> response = submit(ada, "https://arxiv.org/abs/2608.09001v2");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/papers/date/2026-08-22#paper-2608-09001-title");
        assertThat(members.arxiv.requests()).containsExactly("/api/query?id_list=2608.09001&max_results=1");
        String handle = ada.member().handle().value();
        String name = ada.member().displayName().value();
        HttpResponse<String> day = members.app.get("/papers/date/" + MembersApp.TODAY);
        assertThat(day.headers().firstValue("ETag")).as("the day's page changed").isNotEqualTo(Optional.of(etag));
        assertThat(day.body()).contains("Layer-wise Early Exit for Small Language Models",
                "Submitted by <a href=\"/members/" + handle + "\">" + name + "</a>");
        assertThat(members.app.get("/papers/2608.09001").body()).contains(
                "Submitted by <a href=\"/members/" + handle + "\">" + name + "</a>");

        JsonNode item = JSON.readTree(members.app.get("/api/daily_papers?date=2026-08-22").body()).get(0);
        assertThat(item.path("paper").path("id").asText()).isEqualTo("2608.09001");
        JsonNode submittedBy = item.path("submittedBy");
        assertThat(submittedBy.path("_id").asText()).isEqualTo(Long.toString(ada.member().id()));
        assertThat(submittedBy.path("name").asText()).isEqualTo(handle);
        assertThat(submittedBy.path("fullname").asText()).isEqualTo(name);
        assertThat(submittedBy.path("avatarUrl").asText()).isEqualTo(members.app.baseUrl() + "/assets/avatar.svg");
        assertThat(members.app.get("/assets/avatar.svg").statusCode()).isEqualTo(200);
        JsonNode huggingFace = JSON.readTree(TestData.recorded("hf-daily-papers/daily_papers-2026-08-21.json"))
                .get(0).path("submittedBy");
        List<String> ours = new ArrayList<>();
        submittedBy.fieldNames().forEachRemaining(ours::add);
        assertThat(ours).as("Hugging Face's user fields, of the same types").containsExactlyInAnyOrder(
                "_id", "name", "fullname", "avatarUrl");
        ours.forEach(field -> assertThat(huggingFace.path(field).isTextual()).as(field).isTrue());
        assertThat(JSON.readTree(members.app.get("/api/daily_papers?date=2026-08-22&submitter=" + handle).body()))
                .hasSize(1);
        assertThat(members.app.app().submissions().submissions().submittedPapers(ada.member().id(), 10))
                .extracting(e -> e.paper().id().value()).containsExactly("2608.09001");
    }

    @Test
    void aPaperStoredAlreadyIsSubmittedByAnyIdFormWithoutAskingArxiv() {
        ArxivId id = members.stored(PaperFixtures.paper().id("hep-th/9901001").published(MembersApp.RECENT));

        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), " arXiv:hep-th/9901001v3 ");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(isFeatured(id)).isTrue();
        assertThat(members.arxiv.requests()).isEmpty();
    }

    @Test
    void aDeletedMembersSubmissionsNoLongerNameTheirHandle() throws IOException {
        ArxivId id = members.stored(PaperFixtures.paper().id("2608.09077").published(MembersApp.RECENT));
        TestMember leaving = members.app.member(Role.MEMBER);
        String handle = leaving.member().handle().value();
        assertThat(submit(leaving, id.value()).statusCode()).isEqualTo(303);

        members.app.app().accounts().service().deleteAccount(leaving.member().id(), leaving.password());

        String api = members.app.get("/api/daily_papers?date=" + MembersApp.TODAY).body();
        assertThat(api).contains("2608.09077").doesNotContain("\"" + handle + "\"");
        assertThat(members.app.get("/api/daily_papers?date=" + MembersApp.TODAY + "&submitter=" + handle).body())
                .doesNotContain("2608.09077");
    }

    @Test
    void aMalformedIdIsRefusedNextToTheFieldWithTheTypedTextKept() {
        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), "not an id <b>");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("value=\"not an id &lt;b>\"", "aria-invalid=\"true\"",
                "id=\"submit-id-error\"", "That is not an arXiv id").doesNotContain("<b>");
        assertThat(members.arxiv.requests()).isEmpty();
    }

    @Test
    void anIdArxivDoesNotKnowIsRefusedAndNothingIsStored() {
        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), "2608.00404");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("arXiv has no paper 2608.00404.", "value=\"2608.00404\"");
        assertThat(members.app.app().feed().papers().find(new ArxivId("2608.00404"))).isEmpty();
    }

    @Test
    void aPaperOlderThanTheLimitIsRefusedToAMemberButAModeratorMaySubmitIt() {
        HttpResponse<String> refused = submit(members.app.member(Role.MEMBER), "1611.09520");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("This paper was published on 2016-11-29; members submit papers at "
                + "most 7 days old.", "value=\"1611.09520\"");
        assertThat(members.app.app().feed().papers().find(new ArxivId("1611.09520"))).isEmpty();

        TestMember moderator = members.app.member(Role.MODERATOR);
        assertThat(moderator.get("/submit").body()).contains("As a moderator you may submit papers of any age.");
        assertThat(submit(moderator, "1611.09520").statusCode()).isEqualTo(303);
        assertThat(isFeatured(new ArxivId("1611.09520"))).isTrue();
    }

    @Test
    void theDailyCapRefusesAMembersFourthSubmissionOfTheDay() {
        TestMember bob = members.app.member(Role.MEMBER);
        for (int i = 0; i < 3; i++) {
            assertThat(submit(bob, members.recentPaper().value()).statusCode()).isEqualTo(303);
        }
        ArxivId fourth = members.recentPaper();

        HttpResponse<String> response = submit(bob, fourth.value());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("id=\"submit-form-error\"", "You have submitted 3 papers today",
                "value=\"" + fourth.value() + "\"");
        assertThat(isFeatured(fourth)).isFalse();
        assertThat(submit(members.app.member(Role.MEMBER), fourth.value()).statusCode())
                .as("another member's cap is their own").isEqualTo(303);
    }

    @Test
    void aPaperFeaturedByHuggingFaceIsRefusedWithTheDayItWasFeatured() {
        ArxivId id = members.stored(PaperFixtures.paper().published(MembersApp.RECENT)
                .featuredOn(LocalDate.of(2026, 8, 21)).submittedBy("akhaliq"));

        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), id.value());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("This paper is already on Daily Papers.",
                "It was featured on <a href=\"/papers/date/2026-08-21\">", "by Hugging Face",
                "href=\"/papers/" + id.value() + "\"");
        assertThat(members.app.app().feed().papers().find(id).orElseThrow().featuring().orElseThrow().day())
                .isEqualTo(LocalDate.of(2026, 8, 21));
    }

    @Test
    void aPaperAMemberSubmittedIsRefusedToAnotherWithTheirName() {
        TestMember first = members.app.member(Role.MEMBER);
        ArxivId id = members.recentPaper();
        submit(first, id.value());

        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), id.value());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("It was featured on <a href=\"/papers/date/2026-08-22\">",
                "by <a href=\"/members/" + first.member().handle().value() + "\">"
                        + first.member().displayName().value() + "</a>");
    }

    @Test
    void whenArxivIsDownTheFormSaysSoAndNothingIsStored() {
        members.arxiv.route(uri -> Reply.status(503, Map.of()));

        HttpResponse<String> response = submit(members.app.member(Role.MEMBER), "2608.09002");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("arXiv did not answer in time", "Nothing was saved",
                "value=\"2608.09002\"");
        assertThat(members.app.app().feed().papers().find(new ArxivId("2608.09002"))).isEmpty();
    }

    @Test
    void aBannedMemberCannotSubmit() {
        TestMember mallory = members.app.member(Role.MEMBER);
        members.app.app().accounts().service().ban(mallory.member().id());
        ArxivId id = members.recentPaper();

        assertThat(submit(mallory, id.value()).statusCode()).isIn(401, 403);

        assertThat(isFeatured(id)).isFalse();
    }

    @Test
    void aModeratorHidesASubmissionWithAReasonItsPaperLeavesTheDayAndTheAuditLogSaysWho() {
        TestMember ada = members.app.member(Role.MEMBER);
        ArxivId id = members.recentPaper();
        submit(ada, id.value());
        SubmissionService service = members.app.app().submissions().submissions();
        Submission submission = service.submissions(ada.member().id(), 1).getFirst();
        String hide = "/moderation/submissions/" + submission.id() + "/hide";
        TestMember moderator = members.app.member(Role.MODERATOR);
        assertThat(moderator.get("/papers/" + id.value()).body()).contains("action=\"" + hide + "\"");
        assertThat(ada.get("/papers/" + id.value()).body()).doesNotContain(hide);

        assertThat(ada.postForm(hide, Map.of("reason", "mine")).statusCode()).as("a member").isEqualTo(403);
        assertThat(members.anonymousPost(hide, Map.of("reason", "spam")).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(moderator.postForm(hide, Map.of("reason", " ")).statusCode()).as("no reason").isEqualTo(400);
        assertThat(isFeatured(id)).isTrue();

        HttpResponse<String> response = moderator.postForm(hide, Map.of("reason", "spam"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(isFeatured(id)).isFalse();
        assertThat(members.app.get("/papers/date/" + MembersApp.TODAY).body()).doesNotContain(id.value());
        assertThat(service.submission(submission.id()).orElseThrow().hiddenReason()).contains("spam");
        assertThat(service.submittedPapers(ada.member().id(), 10)).as("hidden: off the profile").isEmpty();
        AuditEntry entry = members.app.app().moderation().auditLog().recent(0, 1).getFirst();
        assertThat(entry.actorId()).isEqualTo(moderator.member().id());
        assertThat(entry.action()).isEqualTo("hide-submission");
        assertThat(entry.targetKind()).isEqualTo("submission");
        assertThat(entry.targetId()).isEqualTo(Long.toString(submission.id()));
        assertThat(entry.reason()).contains("spam");
        assertThat(moderator.postForm(hide, Map.of("reason", "again")).statusCode()).isEqualTo(409);
    }
}
