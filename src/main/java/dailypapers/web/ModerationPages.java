package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.moderation.AuditEntry;
import dailypapers.moderation.Flag;
import dailypapers.moderation.FlagReason;
import dailypapers.moderation.FlaggedTarget;
import dailypapers.moderation.HiddenPaper;
import dailypapers.moderation.ModerationException;
import dailypapers.moderation.ModerationService;
import dailypapers.moderation.Target;
import dailypapers.moderation.TargetKind;
import dailypapers.paper.ArxivId;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import dailypapers.submission.SubmissionService;
import dailypapers.text.Messages;
import dailypapers.web.ModerationViews.ActionView;
import dailypapers.web.ModerationViews.FlagItem;
import dailypapers.web.ModerationViews.HiddenItem;
import dailypapers.web.ModerationViews.LogItem;
import dailypapers.web.ModerationViews.LogView;
import dailypapers.web.ModerationViews.MemberActions;
import dailypapers.web.ModerationViews.Option;
import dailypapers.web.ModerationViews.QueueItem;
import dailypapers.web.ModerationViews.QueueView;
import dailypapers.web.ModerationViews.ReportView;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Members' reports and the moderators' pages: the report form, the queue, each action's form and the audit log.
 * Every route here carries its role in {@link Web}'s table, and {@link ModerationService} checks again who may do
 * what, so a page that offers too much still cannot let anybody do it.
 */
final class ModerationPages {

    /** Reports a member may send, per member and per address, in {@link #FLAG_WINDOW}. */
    static final int FLAGS_PER_MEMBER = 20;
    static final int FLAGS_PER_IP = 60;
    static final Duration FLAG_WINDOW = Duration.ofHours(1);
    static final int LOG_PAGE_SIZE = 50;

    private static final String QUEUE = "/moderation";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<Option> REASONS = Arrays.stream(FlagReason.values())
            .map(r -> new Option(r.key(), r.label())).toList();

    private final ModerationService moderation;
    private final FeedService feed;
    private final CommentService comments;
    private final SubmissionService submissions;
    private final RateLimiter limiter;
    private final Views views;
    private final Clock clock;

    ModerationPages(ModerationService moderation, FeedService feed, CommentService comments,
            SubmissionService submissions, RateLimiter limiter, Views views, Clock clock) {
        this.moderation = moderation;
        this.feed = feed;
        this.comments = comments;
        this.submissions = submissions;
        this.limiter = limiter;
        this.views = views;
        this.clock = clock;
    }

    static String unhideAction(ArxivId paper) {
        return "/moderation/papers/" + paper.value() + "/unhide";
    }

    static String hideAction(ArxivId paper) {
        return "/moderation/papers/" + paper.value() + "/hide";
    }

    static String memberAction(long memberId, String verb) {
        return "/moderation/members/" + memberId + "/" + verb;
    }

    /** The report form for one target: {@code ?kind=paper&target=2401.09603}. */
    void reportForm(Context ctx) {
        Target target = target(Params.optional(ctx, "kind").orElse(null),
                Params.optional(ctx, "target").orElse(null));
        views.render(ctx, "report.jte", report(target, null, "", Map.of()));
    }

    /** A member's report: thanks, or the form again with what they typed and why it was refused. */
    void flag(Context ctx) {
        Member reporter = Visitor.of(ctx).requireMember();
        Target target = target(ctx.formParam("kind"), ctx.formParam("target"));
        String reason = ctx.formParam("reason");
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("");
        try {
            limiter.check("flag:member:" + reporter.id(), FLAGS_PER_MEMBER, FLAG_WINDOW);
            limiter.check("flag:ip:" + RequestOrigin.clientIp(ctx), FLAGS_PER_IP, FLAG_WINDOW);
            moderation.flag(reporter, target.kind().key(), target.id(), reason, note);
        } catch (ModerationException e) {
            ctx.status(switch (e.code()) {
                case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
                case ALREADY_FLAGGED -> HttpStatus.CONFLICT;
                case NO_SUCH_TARGET -> HttpStatus.NOT_FOUND;
                default -> HttpStatus.BAD_REQUEST;
            });
            String field = switch (e.code()) {
                case REASON_INVALID -> "reason";
                case NOTE_TOO_LONG -> "note";
                default -> "target";
            };
            views.render(ctx, "report.jte", report(target, reason, note, Map.of(field, e.getMessage())));
            return;
        } catch (RateLimitedException e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            views.render(ctx, "report.jte", report(target, reason, note, Map.of("target", e.getMessage())));
            return;
        }
        Described described = describe(target);
        views.render(ctx, "notice.jte", new NoticeView(PageFrame.plain("Report sent — Daily Papers"), "Report",
                "Thank you", "Your report about " + described.label() + " is in the moderators' queue."));
    }

    void queue(Context ctx) {
        Member viewer = Visitor.of(ctx).requireMember();
        List<QueueItem> items = moderation.queue().stream().map(group -> queueItem(viewer, group)).toList();
        List<HiddenItem> hidden = moderation.hiddenPapers().stream().map(this::hiddenItem).toList();
        views.render(ctx, "moderation.jte", new QueueView(PageFrame.plain("Moderation — Daily Papers"), items,
                hidden));
    }

    void log(Context ctx) {
        int page = Pager.requestedPage(ctx);
        List<AuditEntry> entries = moderation.log(page * LOG_PAGE_SIZE, LOG_PAGE_SIZE + 1);
        Map<Long, Optional<Member>> members = new HashMap<>();
        List<LogItem> items = entries.stream().limit(LOG_PAGE_SIZE).map(entry -> {
            Optional<Member> actor = members.computeIfAbsent(entry.actorId(), moderation::member);
            Described target = describe(entry.targetKind(), entry.targetId(), members);
            return new LogItem(TIME.format(entry.at()), actor.map(m -> "@" + m.handle()).orElse("member "
                    + entry.actorId()), actor.map(m -> Links.member(m.handle().value())).orElse(null),
                    entry.action(), target.label(), target.href(), entry.reason().orElse(""));
        }).toList();
        views.render(ctx, "moderation-log.jte", new LogView(PageFrame.plain("Audit log — Daily Papers"), items,
                page > 0 ? Links.page(QUEUE + "/log", page - 1) : null,
                entries.size() > LOG_PAGE_SIZE ? Links.page(QUEUE + "/log", page + 1) : null));
    }

    void dismiss(Context ctx) {
        long flag = id(ctx, "flag");
        act(ctx, new ActionView(PageFrame.plain("Dismiss a flag — Daily Papers"), "Dismiss flag " + flag, null,
                null, ctx.path(), null, reasonParam(ctx), false, "Dismiss", Map.of()), QUEUE,
                viewer -> moderation.dismiss(viewer, flag, reasonParam(ctx)));
    }

    void hidePaper(Context ctx) {
        ArxivId paper = Params.arxivId(ctx);
        act(ctx, paperAction(ctx, paper, "Hide a paper", "Hide", true), back(ctx, Links.paper(paper)),
                viewer -> moderation.hidePaper(viewer, paper.value(), reasonParam(ctx)));
    }

    void unhidePaper(Context ctx) {
        ArxivId paper = Params.arxivId(ctx);
        act(ctx, paperAction(ctx, paper, "Unhide a paper", "Unhide", false), back(ctx, Links.paper(paper)),
                viewer -> moderation.unhidePaper(viewer, paper.value(), reasonParam(ctx)));
    }

    void suspend(Context ctx) {
        long member = id(ctx, "member");
        String days = Optional.ofNullable(ctx.formParam("days")).orElse("");
        act(ctx, memberAction(ctx, member, "Suspend a member", "Suspend", days, true), back(ctx,
                memberHref(member)), viewer -> moderation.suspend(viewer, member, days, reasonParam(ctx)));
    }

    void unsuspend(Context ctx) {
        long member = id(ctx, "member");
        act(ctx, memberAction(ctx, member, "End a suspension", "Unsuspend", null, false), back(ctx,
                memberHref(member)), viewer -> moderation.unsuspend(viewer, member, reasonParam(ctx)));
    }

    void ban(Context ctx) {
        long member = id(ctx, "member");
        act(ctx, memberAction(ctx, member, "Ban a member", "Ban", null, true), back(ctx, memberHref(member)),
                viewer -> moderation.ban(viewer, member, reasonParam(ctx)));
    }

    /**
     * Runs an action and goes back where it came from; a refusal is a 403 or 404 page, or the action's own form
     * again with what was typed and the message next to the field at fault.
     */
    private void act(Context ctx, ActionView form, String back, Consumer<Member> action) {
        try {
            action.accept(Visitor.of(ctx).requireMember());
        } catch (ModerationException e) {
            switch (e.code()) {
                case NOT_ALLOWED -> throw HttpError.forbidden(sentence(e.getMessage()));
                case NO_SUCH_TARGET -> throw HttpError.notFound(sentence(e.getMessage()));
                default -> {
                    ctx.status(e.code() == ModerationException.Code.ALREADY_DONE
                            || e.code() == ModerationException.Code.NO_SUCH_FLAG
                            ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
                    String field = e.code() == ModerationException.Code.DAYS_INVALID ? "days"
                            : e.code() == ModerationException.Code.REASON_INVALID ? "reason" : "form";
                    views.render(ctx, "moderation-action.jte", new ActionView(form.frame(), form.title(),
                            form.targetLabel(), form.targetHref(), form.action(), form.days(), form.reason(),
                            form.reasonRequired(), form.button(), Map.of(field, e.getMessage())));
                    return;
                }
            }
        }
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private ActionView paperAction(Context ctx, ArxivId paper, String title, String button, boolean reasonRequired) {
        Described described = describe(Target.paper(paper));
        return new ActionView(PageFrame.plain(title + " — Daily Papers"), title, described.label(),
                described.href(), ctx.path(), null, reasonParam(ctx), reasonRequired, button, Map.of());
    }

    private ActionView memberAction(Context ctx, long member, String title, String button, String days,
            boolean reasonRequired) {
        Described described = describe(Target.member(member));
        return new ActionView(PageFrame.plain(title + " — Daily Papers"), title, described.label(),
                described.href(), ctx.path(), days, reasonParam(ctx), reasonRequired, button, Map.of());
    }

    /** Back to the queue when the form came from it, else to the target's page: never anywhere else. */
    private static String back(Context ctx, String targetHref) {
        return QUEUE.equals(ctx.formParam("next")) ? QUEUE : targetHref;
    }

    private String memberHref(long memberId) {
        return moderation.member(memberId).map(m -> Links.member(m.handle().value())).orElse(QUEUE);
    }

    private static String reasonParam(Context ctx) {
        return Optional.ofNullable(ctx.formParam("reason")).orElse("");
    }

    private static long id(Context ctx, String name) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other id that names nothing
        }
        throw HttpError.notFound("No such " + name + ".");
    }

    private static Target target(String kind, String id) {
        try {
            return Target.of(kind, id);
        } catch (ModerationException e) {
            throw HttpError.badParameter(e.code() == ModerationException.Code.KIND_INVALID ? "kind" : "target",
                    e.getMessage());
        }
    }

    private ReportView report(Target target, String reason, String note, Map<String, String> errors) {
        Described described = describe(target);
        return new ReportView(PageFrame.plain("Report " + described.label() + " — Daily Papers"),
                target.kind().key(), target.id(), described.label(), described.href(), REASONS, reason, note,
                errors);
    }

    private QueueItem queueItem(Member viewer, FlaggedTarget group) {
        Target target = group.target();
        Map<Long, Optional<Member>> members = new HashMap<>();
        Described described = describe(target.kind().key(), target.id(), members);
        List<FlagItem> flags = group.flags().stream().map(flag -> flagItem(flag, members)).toList();
        String hide = target.kind() == TargetKind.PAPER ? hideAction(new ArxivId(target.id())) : null;
        MemberActions actions = target.kind() == TargetKind.MEMBER
                ? memberActions(viewer, members.computeIfAbsent(target.memberId(), moderation::member)) : null;
        return new QueueItem(target.kind().key(), described.label(), described.href(), flags, hide, actions);
    }

    /** What {@code viewer} may do to {@code member}, for the queue and the profile page; null when nothing. */
    MemberActions memberActions(Member viewer, Optional<Member> member) {
        if (member.isEmpty() || !moderation.canActOn(viewer, member.get()) || member.get().isBanned()) {
            return null;
        }
        Member m = member.get();
        Instant now = clock.instant();
        return new MemberActions(memberAction(m.id(), "suspend"),
                m.isSuspended(now) ? memberAction(m.id(), "unsuspend") : null,
                viewer.role() == Role.ADMIN ? memberAction(m.id(), "ban") : null,
                m.isSuspended(now) ? TIME.format(m.suspendedUntil().orElseThrow()) : null);
    }

    private FlagItem flagItem(Flag flag, Map<Long, Optional<Member>> members) {
        Optional<Member> reporter = members.computeIfAbsent(flag.reporterId(), moderation::member);
        return new FlagItem(flag.id(), reporter.map(m -> "@" + m.handle()).orElse("member " + flag.reporterId()),
                reporter.map(m -> Links.member(m.handle().value())).orElse(null), flag.reason().label(),
                flag.note(), TIME.format(flag.createdAt()), "/moderation/flags/" + flag.id() + "/dismiss");
    }

    private HiddenItem hiddenItem(HiddenPaper hidden) {
        Described described = describe(Target.paper(hidden.paper()));
        return new HiddenItem(described.label(), described.href(), hidden.reason(), TIME.format(hidden.hiddenAt()),
                unhideAction(hidden.paper()));
    }

    private Described describe(Target target) {
        return describe(target.kind().key(), target.id(), new HashMap<>());
    }

    /**
     * A target's words and link for moderators: a comment links to its place on its paper's page, a submission to
     * the paper it featured.
     */
    private Described describe(String kind, String id, Map<Long, Optional<Member>> members) {
        return switch (kind) {
            case "paper" -> ArxivId.tryParse(id).map(paper -> new Described("arXiv:" + paper.value()
                    + feed.paper(paper).map(e -> " “" + Messages.abbreviate(e.paper().title()) + "”").orElse(""),
                    Links.paper(paper))).orElse(new Described("paper " + id, null));
            case "member" -> {
                Optional<Member> member = parseId(id).flatMap(m -> members.computeIfAbsent(m, moderation::member));
                yield member.map(m -> new Described("@" + m.handle() + " (" + m.displayName().value() + ")",
                        Links.member(m.handle().value()))).orElse(new Described("member " + id, null));
            }
            case "comment" -> parseId(id).flatMap(comments::comment).map(c -> new Described("comment " + id
                    + c.author().handle().map(h -> " by @" + h).orElse("") + " on arXiv:" + c.paperId().value(),
                    Links.paper(c.paperId()) + "#comment-" + c.id())).orElse(new Described("comment " + id, null));
            case "submission" -> parseId(id).flatMap(submissions::submission).map(s -> new Described("submission "
                    + id + " of arXiv:" + s.paper().value(), Links.paper(s.paper())))
                    .orElse(new Described("submission " + id, null));
            default -> new Described(kind + " " + id, null);
        };
    }

    /** A service message as a sentence for an error page. */
    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Described(String label, String href) {
    }
}
