package dailypapers.digest;

import dailypapers.digest.SignedLinks.Purpose;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The absolute URLs of a subscription's signed links, as pages and mails put them: {@code siteUrl + path +
 * "?token=" + token}. Confirm links live {@link DigestSettings#confirmLink()}, preferences and unsubscribe links
 * {@link DigestSettings#preferencesLink()}, from now.
 */
public final class DigestLinks {

    public static final String CONFIRM_PATH = "/digest/confirm";
    public static final String PREFERENCES_PATH = "/digest/preferences";
    public static final String UNSUBSCRIBE_PATH = "/digest/unsubscribe";

    /** The site's address without a trailing slash. */
    private final String site;
    private final SignedLinks links;
    private final DigestSettings settings;
    private final Clock clock;

    public DigestLinks(URI siteUrl, SignedLinks links, DigestSettings settings, Clock clock) {
        this.site = siteUrl.toString().replaceAll("/+$", "");
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    public URI confirmUrl(Subscription subscription) {
        return url(Purpose.CONFIRM, subscription);
    }

    public URI preferencesUrl(Subscription subscription) {
        return url(Purpose.PREFERENCES, subscription);
    }

    public URI unsubscribeUrl(Subscription subscription) {
        return url(Purpose.UNSUBSCRIBE, subscription);
    }

    /** The link of this purpose, freshly signed. */
    public URI url(Purpose purpose, Subscription subscription) {
        return URI.create(site + relative(purpose, subscription));
    }

    /** The site's address without a trailing slash, for links to its pages in mails. */
    public String site() {
        return site;
    }

    /** The link's path and query, for a page of this site that links or redirects to it. */
    public String relative(Purpose purpose, Subscription subscription) {
        return path(purpose) + "?token=" + links.sign(purpose, subscription, clock.instant().plus(lifetime(purpose)));
    }

    /** How long a link of this purpose works. */
    public Duration lifetime(Purpose purpose) {
        return purpose == Purpose.CONFIRM ? settings.confirmLink() : settings.preferencesLink();
    }

    public static String path(Purpose purpose) {
        return switch (purpose) {
            case CONFIRM -> CONFIRM_PATH;
            case PREFERENCES -> PREFERENCES_PATH;
            case UNSUBSCRIBE -> UNSUBSCRIBE_PATH;
        };
    }
}
