package dailypapers.web;

import java.util.List;
import java.util.Map;

/** The view records of the report form, the moderation queue, an action's form and the audit log. */
public final class ModerationViews {

    private ModerationViews() {
    }

    /** A choice in a list: its value and its words. */
    public record Option(String value, String label) {
    }

    /**
     * The report form, as first shown or shown again with what was typed and a message next to each field at
     * fault ({@code errors} by field name: reason, note, target).
     */
    public record ReportView(PageFrame frame, String kind, String target, String targetLabel, String targetHref,
            List<Option> reasons, String reason, String note, Map<String, String> errors) {

        public ReportView {
            reasons = List.copyOf(reasons);
            errors = Map.copyOf(errors);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The moderation queue: flagged targets, the newest flagged first, and the papers hidden now. */
    public record QueueView(PageFrame frame, List<QueueItem> items, List<HiddenItem> hidden) {

        public QueueView {
            items = List.copyOf(items);
            hidden = List.copyOf(hidden);
        }
    }

    /**
     * One flagged target with its flags and what a moderator can do to it here.
     *
     * @param hideAction    where to post a paper's hiding; null for other kinds
     * @param memberActions a member's suspension and ban; null for other kinds or a member this moderator cannot
     *                      act on
     */
    public record QueueItem(String kind, String label, String href, List<FlagItem> flags, String hideAction,
            MemberActions memberActions) {

        public QueueItem {
            flags = List.copyOf(flags);
        }
    }

    public record FlagItem(long id, String reporter, String reporterHref, String reason, String note, String when,
            String dismissAction) {
    }

    /**
     * @param suspendedUntil when the member's suspension ends, or null
     * @param banAction      null unless the visitor is an admin
     */
    public record MemberActions(String suspendAction, String unsuspendAction, String banAction,
            String suspendedUntil) {
    }

    public record HiddenItem(String label, String href, String reason, String when, String unhideAction) {
    }

    /**
     * One action's form, shown when the queue's form for it was refused: what was typed and the message next to the
     * field at fault.
     *
     * @param days null when the action takes no number of days
     */
    public record ActionView(PageFrame frame, String title, String targetLabel, String targetHref, String action,
            String days, String reason, boolean reasonRequired, String button, Map<String, String> errors) {

        public ActionView {
            errors = Map.copyOf(errors);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** A page of the audit log, newest first. */
    public record LogView(PageFrame frame, List<LogItem> entries, String newerHref, String olderHref) {

        public LogView {
            entries = List.copyOf(entries);
        }
    }

    public record LogItem(String when, String actor, String actorHref, String action, String target,
            String targetHref, String reason) {
    }
}
