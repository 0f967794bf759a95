package dailypapers.web;

import dailypapers.digest.DigestModule;
import dailypapers.mail.OutboxStore;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/digests}: subscriptions per state, digest mails per outbox state, the latest failed mails and the
 * latest disabled addresses with the mail server's answers.
 */
public record DigestAdminView(PageFrame frame, boolean scheduled, List<Count> subscriptions, List<Count> mails,
        long digests, long papers, List<Failure> failures, List<Disabled> disabled) {

    public DigestAdminView {
        subscriptions = List.copyOf(subscriptions);
        mails = List.copyOf(mails);
        failures = List.copyOf(failures);
        disabled = List.copyOf(disabled);
    }

    public record Count(String state, long count) {
    }

    /** A digest mail that failed: to whom, why, when. */
    public record Failure(String address, String reason, String at) {
    }

    /** A disabled address and the mail server's answer that disabled it. */
    public record Disabled(String address, String reason) {
    }

    static DigestAdminView of(DigestModule.Status status) {
        return new DigestAdminView(new PageFrame("Digests — Daily Papers", PageFrame.Section.NONE,
                List.of(PageFrame.trendingFeed())), status.scheduled(),
                status.subscriptions().entrySet().stream()
                        .map(e -> new Count(e.getKey().key(), e.getValue())).toList(),
                status.mails().entrySet().stream()
                        .map(e -> new Count(key(e.getKey()), e.getValue())).toList(),
                status.composed().digests(), status.composed().papers(),
                status.failures().stream().map(f -> new Failure(f.recipient(), f.error(), f.at().toString())).toList(),
                status.disabled().stream().map(s -> new Disabled(s.email(), s.stateReason().orElse("—"))).toList());
    }

    private static String key(OutboxStore.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
