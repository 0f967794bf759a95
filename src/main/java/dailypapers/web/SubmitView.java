package dailypapers.web;

import dailypapers.submission.FeaturedBy;
import dailypapers.submission.SubmissionSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The submit form ({@code /submit}): the id as typed, and why the last try was refused, next to the field at fault.
 *
 * @param idError    what is wrong with the id (malformed, unknown, too old, featured already, arXiv down), or null
 * @param formError  what stops this member submitting at all now (the daily cap, the claim rule), or null
 * @param featured   who featured the paper and when, when it is on Daily Papers already, or null
 * @param rules      the instance's rules, one sentence each
 */
public record SubmitView(PageFrame frame, String id, String idError, String formError, Featured featured,
        List<String> rules) {

    public SubmitView {
        rules = List.copyOf(rules);
    }

    /** Who put the paper on Daily Papers ({@code member} null: Hugging Face's featuring) and on which day. */
    public record Featured(LinkView paper, LinkView member, LinkView day) {

        static Featured of(FeaturedBy featured) {
            return new Featured(new LinkView(featured.paper().value(), Links.paper(featured.paper())),
                    featured.member().map(m -> new LinkView(m.displayName(), Links.member(m.handle()))).orElse(null),
                    new LinkView(DateText.full(featured.day()), Links.day(featured.day())));
        }
    }

    static SubmitView empty(String id, SubmissionSettings settings, boolean isModerator) {
        return new SubmitView(PageFrame.plain("Submit a paper — Daily Papers"), id == null ? "" : id, null, null,
                null, rules(settings, isModerator));
    }

    SubmitView withIdError(String message, Featured featured) {
        return new SubmitView(frame, id, message, null, featured, rules);
    }

    SubmitView withFormError(String message) {
        return new SubmitView(frame, id, null, message, null, rules);
    }

    private static List<String> rules(SubmissionSettings settings, boolean isModerator) {
        List<String> rules = new ArrayList<>();
        rules.add("The paper is featured today, under your name, and its votes rank it among today's papers.");
        rules.add(isModerator ? "As a moderator you may submit papers of any age."
                : "Papers published at most " + PaperCard.count(settings.maxAgeDays(), "day") + " ago.");
        rules.add("At most " + PaperCard.count(settings.dailyCap(), "paper") + " a day (UTC) per member.");
        rules.add("A paper already on Daily Papers is not featured again.");
        if (settings.requireClaim()) {
            rules.add("Members submit once a moderator has confirmed them as an author of a paper here.");
        }
        return rules;
    }
}
