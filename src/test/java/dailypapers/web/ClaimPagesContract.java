package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestDatabase;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.moderation.AuditEntry;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.submission.Claim;
import dailypapers.submission.ClaimService;
import dailypapers.submission.ClaimState;
import dailypapers.submission.SubmissionSettings;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authorship claims over HTTP on each database: a member claims a byline name on the paper page, one open claim per
 * paper; moderators, never the claimant, confirm or reject it on /moderation/claims, each decision in the audit
 * log; confirmed authors get a badge on the paper page; and what members, anonymous visitors and banned members may
 * not do. The submit rule "only members with a confirmed claim" is here too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClaimPagesContract {

    private final TestDatabase kind;
    private MembersApp members;
    private ClaimService claims;

    protected ClaimPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        members = new MembersApp(kind, new SubmissionSettings(7, 3, false));
        claims = members.app.app().submissions().claims();
    }

    @AfterAll
    void stop() {
        if (members != null) {
            members.close();
        }
    }

    private ArxivId paperBy(String... authors) {
        return members.stored(PaperFixtures.paper().title("A paper by " + authors[0]).authors(authors)
                .published(MembersApp.RECENT));
    }

    private static HttpResponse<String> claim(TestMember member, ArxivId paper, String author) {
        return member.postForm("/papers/" + paper.value() + "/claims", Map.of("author", author));
    }

    private long onlyClaim(ArxivId paper, TestMember member) {
        List<Claim> claimed = claims.claims(paper, member.member().id());
        assertThat(claimed).hasSize(1);
        return claimed.getFirst().id();
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInAndCannotClaim() {
        ArxivId paper = paperBy("Ada Lovelace");
        assertThat(members.app.get("/papers/" + paper.value()).body()).contains("Are you an author?",
                "href=\"/sign-in?next=%2Fpapers%2F" + paper.value() + "\"").doesNotContain("name=\"author\"");

        HttpResponse<String> response = members.anonymousPost("/papers/" + paper.value() + "/claims",
                Map.of("author", "Ada Lovelace"));

        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(claims.confirmedAuthors(paper)).isEmpty();
    }

    @Test
    void aMemberClaimsANameFromTheBylineOncePerPaper() {
        TestMember ada = members.app.member(Role.MEMBER);
        ArxivId paper = paperBy("Ada Lovelace", "Charles Babbage");
        assertThat(ada.get("/papers/" + paper.value()).body()).contains("<option value=\"Ada Lovelace\"",
                "<option value=\"Charles Babbage\"");

        HttpResponse<String> response = claim(ada, paper, "Ada Lovelace");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/papers/" + paper.value() + "#claim");
        assertThat(ada.get("/papers/" + paper.value()).body())
                .contains("You claimed to be Ada Lovelace; a moderator will confirm or reject it.")
                .doesNotContain("name=\"author\"");
        HttpResponse<String> again = claim(ada, paper, "Charles Babbage");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You have claimed this paper already");
        assertThat(claims.claims(paper, ada.member().id())).extracting(Claim::authorName)
                .containsExactly("Ada Lovelace");
    }

    @Test
    void aNameNotInTheBylineIsRefusedNextToTheField() {
        TestMember ada = members.app.member(Role.MEMBER);
        ArxivId paper = paperBy("Ada Lovelace", "Charles Babbage");

        HttpResponse<String> response = claim(ada, paper, "<script>alert(1)</script>");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"claim-error\"", "Pick your name from the paper's authors.",
                "aria-invalid=\"true\"").doesNotContain("<script>alert(1)</script>");
        assertThat(claims.claims(paper, ada.member().id())).isEmpty();
        assertThat(claim(ada, new ArxivId("2608.99999"), "Ada Lovelace").statusCode()).as("no such paper")
                .isEqualTo(404);
    }

    @Test
    void aModeratorConfirmsAClaimTheAuthorGetsABadgeAndTheAuditLogSaysWho() {
        TestMember ada = members.app.member(Role.MEMBER);
        TestMember moderator = members.app.member(Role.MODERATOR);
        ArxivId paper = paperBy("Charles Babbage", "Ada Lovelace");
        claim(ada, paper, "Ada Lovelace");
        long id = onlyClaim(paper, ada);
        String queue = moderator.get("/moderation/claims").body();
        assertThat(queue).contains("says they are <strong>Ada Lovelace</strong>", "A paper by Charles Babbage",
                "action=\"/moderation/claims/" + id + "/confirm\"", "action=\"/moderation/claims/" + id + "/reject\"");

        HttpResponse<String> response = moderator.postForm("/moderation/claims/" + id + "/confirm", Map.of());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/moderation/claims");
        String name = ada.member().displayName().value();
        assertThat(members.app.get("/papers/" + paper.value()).body()).contains(
                "Ada Lovelace</a> <a class=\"author-badge\" href=\"/members/" + ada.member().handle().value() + "\"",
                "Author on Daily Papers: " + name);
        assertThat(ada.get("/papers/" + paper.value()).body())
                .contains("A moderator confirmed that you are Ada Lovelace.");
        assertThat(claims.confirmedAuthors(paper)).containsExactly(ada.member().id());
        assertThat(claims.confirmedPapers(ada.member().id(), 10)).extracting(e -> e.paper().id())
                .containsExactly(paper);
        assertThat(moderator.get("/moderation/claims").body()).doesNotContain("/moderation/claims/" + id + "/");
        AuditEntry entry = members.app.app().moderation().auditLog().recent(0, 1).getFirst();
        assertThat(entry.actorId()).isEqualTo(moderator.member().id());
        assertThat(entry.action()).isEqualTo("confirm-claim");
        assertThat(entry.targetKind()).isEqualTo("claim");
        assertThat(entry.targetId()).isEqualTo(Long.toString(id));
        assertThat(moderator.postForm("/moderation/claims/" + id + "/reject", Map.of()).statusCode())
                .as("decided already").isEqualTo(409);
    }

    @Test
    void aRejectedMemberMayClaimAgainAndTheRejectionIsLogged() {
        TestMember ada = members.app.member(Role.MEMBER);
        TestMember moderator = members.app.member(Role.MODERATOR);
        ArxivId paper = paperBy("Ada Lovelace");
        claim(ada, paper, "Ada Lovelace");

        HttpResponse<String> response = moderator.postForm("/moderation/claims/" + onlyClaim(paper, ada) + "/reject",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(claims.claims(paper, ada.member().id())).extracting(Claim::state)
                .containsExactly(ClaimState.REJECTED);
        assertThat(members.app.app().moderation().auditLog().recent(0, 1).getFirst().action())
                .isEqualTo("reject-claim");
        assertThat(ada.get("/papers/" + paper.value()).body())
                .contains("A moderator rejected your claim to be Ada Lovelace.", "name=\"author\"");
        assertThat(claim(ada, paper, "Ada Lovelace").statusCode()).isEqualTo(303);
    }

    @Test
    void aModeratorDoesNotDecideTheirOwnClaimAnotherModeratorDoes() {
        TestMember moderator = members.app.member(Role.MODERATOR);
        ArxivId paper = paperBy("Grace Hopper");
        claim(moderator, paper, "Grace Hopper");
        long id = onlyClaim(paper, moderator);
        assertThat(moderator.get("/moderation/claims").body()).contains("Your own claim: another moderator decides");

        HttpResponse<String> own = moderator.postForm("/moderation/claims/" + id + "/confirm", Map.of());

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("Another moderator decides on your own claim.");
        assertThat(claims.confirmedAuthors(paper)).isEmpty();
        assertThat(members.app.member(Role.ADMIN).postForm("/moderation/claims/" + id + "/confirm", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(claims.confirmedAuthors(paper)).containsExactly(moderator.member().id());
    }

    @Test
    void membersAnonymousVisitorsAndBannedMembersCannotModerateClaims() {
        TestMember ada = members.app.member(Role.MEMBER);
        TestMember bob = members.app.member(Role.MEMBER);
        ArxivId paper = paperBy("Ada Lovelace");
        claim(ada, paper, "Ada Lovelace");
        long id = onlyClaim(paper, ada);

        assertThat(bob.get("/moderation/claims").statusCode()).isEqualTo(403);
        assertThat(ada.postForm("/moderation/claims/" + id + "/confirm", Map.of()).statusCode()).isEqualTo(403);
        assertThat(members.app.get("/moderation/claims").statusCode()).isEqualTo(303);
        assertThat(members.anonymousPost("/moderation/claims/" + id + "/confirm", Map.of()).statusCode())
                .isIn(401, 403);
        TestMember banned = members.app.member(Role.MODERATOR);
        members.app.app().accounts().service().ban(banned.member().id());
        assertThat(banned.postForm("/moderation/claims/" + id + "/confirm", Map.of()).statusCode()).isIn(401, 403);
        assertThat(claims.claims(paper, ada.member().id())).extracting(Claim::state)
                .containsExactly(ClaimState.PENDING);
    }

    @Test
    void aBannedMemberCannotClaim() {
        TestMember mallory = members.app.member(Role.MEMBER);
        members.app.app().accounts().service().ban(mallory.member().id());
        ArxivId paper = paperBy("Ada Lovelace");

        assertThat(claim(mallory, paper, "Ada Lovelace").statusCode()).isIn(401, 403);

        assertThat(claims.claims(paper, mallory.member().id())).isEmpty();
    }

    @Test
    void whereSubmittingNeedsAClaimOnlyConfirmedAuthorsSubmit() {
        try (MembersApp strict = new MembersApp(kind, new SubmissionSettings(7, 3, true))) {
            TestMember ada = strict.app.member(Role.MEMBER);
            ArxivId own = strict.stored(PaperFixtures.paper().authors("Ada Lovelace").published(MembersApp.RECENT));
            ArxivId other = strict.recentPaper();
            assertThat(ada.get("/submit").body()).contains("Members submit once a moderator has confirmed them");

            HttpResponse<String> refused = ada.postForm("/submit", Map.of("id", other.value()));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("id=\"submit-form-error\"", "once a moderator has confirmed them");
            ClaimService strictClaims = strict.app.app().submissions().claims();
            claim(ada, own, "Ada Lovelace");
            long id = strictClaims.claims(own, ada.member().id()).getFirst().id();
            strict.app.member(Role.MODERATOR).postForm("/moderation/claims/" + id + "/confirm", Map.of());
            assertThat(ada.postForm("/submit", Map.of("id", other.value())).statusCode()).isEqualTo(303);
        }
    }
}
