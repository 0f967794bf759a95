package dailypapers.web;

import dailypapers.digest.DigestModule;
import io.javalin.http.Context;

/** {@code /admin/digests}: how digests are doing, for the instance's admins. */
final class DigestAdminPage {

    private final DigestModule digests;
    private final Views views;

    DigestAdminPage(DigestModule digests, Views views) {
        this.digests = digests;
        this.views = views;
    }

    void page(Context ctx) {
        views.render(ctx, "admin-digests.jte", DigestAdminView.of(digests.status()));
    }
}
