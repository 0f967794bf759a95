package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.profile.Profile;
import dailypapers.profile.ProfileService;
import dailypapers.text.Messages;
import dailypapers.web.ModerationViews.MemberActions;
import dailypapers.web.ProfileViews.ProfileSettingsView;
import dailypapers.web.ProfileViews.ProfileView;
import dailypapers.web.ProfileViews.Section;
import dailypapers.web.ProfileViews.SectionSource;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Members' public profiles ({@code /members/{handle}}) and the member's profile settings. A banned member's
 * profile, like a handle nobody has, is a 404.
 */
final class ProfilePages {

    private final ProfileService profiles;
    private final ModerationPages moderation;
    private final List<SectionSource> sections;
    private final Views views;
    private final Clock clock;

    ProfilePages(ProfileService profiles, ModerationPages moderation, List<SectionSource> sections, Views views,
            Clock clock) {
        this.profiles = profiles;
        this.moderation = moderation;
        this.sections = List.copyOf(sections);
        this.views = views;
        this.clock = clock;
    }

    void profile(Context ctx) {
        String handle = ctx.pathParam("handle");
        Profile profile = profiles.visible(handle)
                .orElseThrow(() -> HttpError.notFound("No member @" + Messages.abbreviate(handle) + " here."));
        Member member = profile.member();
        if (!member.handle().value().equals(handle)) {
            ctx.redirect(Links.member(member.handle().value()), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Visitor visitor = Visitor.of(ctx);
        boolean isOwn = visitor.member().filter(m -> m.id() == member.id()).isPresent();
        String suspendedUntil = visitor.isModerator() && member.isSuspended(clock.instant())
                ? DateText.full(member.suspendedUntil().orElseThrow().atZone(ZoneOffset.UTC).toLocalDate()) : null;
        MemberActions actions = visitor.isModerator()
                ? moderation.memberActions(visitor.requireMember(), Optional.of(member)) : null;
        List<Section> shown = sections.stream().flatMap(s -> s.section(profile, visitor).stream()).toList();
        views.render(ctx, "profile.jte", new ProfileView(
                PageFrame.plain(member.displayName().value() + " (@" + member.handle() + ") — Daily Papers"),
                member.id(), member.displayName().value(), member.handle().value(), role(member.role()),
                DateText.full(member.createdAt().atZone(ZoneOffset.UTC).toLocalDate()), isOwn, suspendedUntil,
                actions, visitor.isSignedIn() && !isOwn, shown));
    }

    void settings(Context ctx) {
        render(ctx, false);
    }

    void saveSettings(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        profiles.setShowsUpvotes(member.id(), "on".equals(ctx.formParam("show_upvotes")));
        render(ctx, true);
    }

    private void render(Context ctx, boolean saved) {
        Member member = Visitor.of(ctx).requireMember();
        boolean shows = profiles.own(member.id()).map(Profile::showsUpvotes).orElse(false);
        views.render(ctx, "profile-settings.jte", new ProfileSettingsView(
                PageFrame.plain("Profile settings — Daily Papers"), member.handle().value(), shows, saved));
    }

    private static String role(Role role) {
        return switch (role) {
            case MEMBER -> null;
            case MODERATOR -> "Moderator";
            case ADMIN -> "Admin";
        };
    }
}
