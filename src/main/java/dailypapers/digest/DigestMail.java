package dailypapers.digest;

import dailypapers.mail.MailKind;
import dailypapers.mail.Message;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperStore;
import dailypapers.text.CleanText;
import dailypapers.text.TexText;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Digest mails, rendered when the mail job's turn comes to an outbox row of kind {@value DigestService#KIND}
 * (its payload is the digest id): multipart plain text and HTML, with the list headers of RFC 2369, RFC 2919 and
 * RFC 8058 (one-click unsubscribe). A subscription that is no longer confirmed gets nothing (the row is
 * cancelled); an address the mail server refuses for good disables its subscription, with the server's answer.
 */
public final class DigestMail implements MailKind {

    /** Authors shown by name before "et al.". */
    static final int AUTHORS_SHOWN = 3;
    /** The abstract's opening in a digest: two or three lines of the 600-pixel column. */
    static final int EXCERPT_CHARS = 200;

    private static final DateTimeFormatter SUBJECT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            Locale.ENGLISH);

    private final DigestStore digests;
    private final SubscriptionStore subscriptions;
    private final PaperStore papers;
    private final DigestLinks urls;
    private final URI siteUrl;
    /** The site's address without a trailing slash, for the links in a mail. */
    private final String site;
    private final DigestRenderer renderer;
    private final Clock clock;

    public DigestMail(DigestStore digests, SubscriptionStore subscriptions, PaperStore papers, DigestLinks urls,
            URI siteUrl, DigestRenderer renderer, Clock clock) {
        this.digests = digests;
        this.subscriptions = subscriptions;
        this.papers = papers;
        this.urls = urls;
        this.siteUrl = siteUrl;
        this.site = urls.site();
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Empty, so the row is cancelled, when the subscriber left or every paper of the digest has been deleted. */
    @Override
    public Optional<Message> render(String id, String digestId) {
        return digests.find(digestId).filter(digest -> !digest.isEmpty())
                .flatMap(digest -> subscriptions.find(digest.subscriptionId())
                        .filter(Subscription::isConfirmed)
                        .map(subscription -> message(subscription, digest)));
    }

    /**
     * Disables the subscription the digest was for, if it is still confirmed and still at that address: a
     * subscriber who left meanwhile stays unsubscribed.
     */
    @Override
    public void undeliverable(String recipient, String digestId, String reason) {
        digests.find(digestId).flatMap(digest -> subscriptions.find(digest.subscriptionId()))
                .or(() -> subscriptions.findByEmail(recipient))
                .filter(subscription -> subscription.isConfirmed() && subscription.email().equalsIgnoreCase(recipient))
                .ifPresent(subscription -> subscriptions.setState(subscription.id(), SubscriptionState.DISABLED,
                        Optional.of(reason), clock.instant()));
    }

    /** The mail of a digest, stored or only composed (a preview). */
    public Message message(Subscription subscription, Digest digest) {
        DigestLetter letter = letter(subscription, digest);
        return new Message(subscription.email(), letter.subject(), DigestText.of(letter),
                Optional.of(renderer.html(letter))).withHeaders(headers(letter));
    }

    /** The HTML part alone, for a preview file. */
    public String html(Subscription subscription, Digest digest) {
        return renderer.html(letter(subscription, digest));
    }

    DigestLetter letter(Subscription subscription, Digest digest) {
        Map<ArxivId, PaperEntry> entries = papers.find(digest.items().stream().map(Digest.Item::paper).toList())
                .stream().collect(Collectors.toMap(e -> e.paper().id(), Function.identity(), (a, b) -> a));
        Map<Integer, List<DigestLetter.Paper>> bySection = new LinkedHashMap<>();
        for (Digest.Item item : digest.items()) {
            PaperEntry entry = entries.get(item.paper());
            if (entry != null) {
                bySection.computeIfAbsent(item.section(), s -> new ArrayList<>()).add(paper(entry));
            }
        }
        List<DigestLetter.Section> sections = bySection.entrySet().stream()
                .map(e -> new DigestLetter.Section(title(subscription, e.getKey()), e.getValue())).toList();
        LocalDate day = digest.until().atZone(subscription.zone()).toLocalDate();
        String reason = "You get this " + subscription.cadence().key() + " digest because " + subscription.email()
                + " subscribed to Daily Papers at " + site + ".";
        return new DigestLetter(subject(bySection.keySet(), day), LONG_DAY.format(day), sections, site,
                urls.preferencesUrl(subscription).toString(), urls.unsubscribeUrl(subscription).toString(), reason);
    }

    /** Such as "Trending papers and 3 topics — Mon 1 Dec": what is inside, and the day. */
    static String subject(Set<Integer> sections, LocalDate day) {
        boolean trending = sections.contains(Digest.TRENDING);
        long topics = sections.stream().filter(s -> s != Digest.TRENDING).count();
        String topicsText = topics == 1 ? "1 topic" : topics + " topics";
        String what = trending && topics > 0 ? "Trending papers and " + topicsText
                : trending ? "Trending papers" : "New papers on " + topicsText;
        return what + " — " + SUBJECT_DAY.format(day);
    }

    private static String title(Subscription subscription, int section) {
        if (section == Digest.TRENDING) {
            return "Trending";
        }
        if (section > subscription.topics().size()) {
            return "A topic you followed";
        }
        Topic topic = subscription.topics().get(section - 1);
        return switch (topic.kind()) {
            case CATEGORY -> "New in " + topic.value();
            case AUTHOR -> "New from " + topic.value();
            case QUERY -> "New for “" + topic.value() + "”";
            case LIBRARY -> "More like your library";
        };
    }

    private DigestLetter.Paper paper(PaperEntry entry) {
        var paper = entry.paper();
        return new DigestLetter.Paper(plain(paper.title()), site + "/papers/" + paper.id().value(),
                authors(paper.authors()), excerpt(plain(paper.abstractText())), entry.upvotes());
    }

    private static String plain(String text) {
        return CleanText.line(TexText.plain(text)).strip();
    }

    static String authors(List<String> names) {
        if (names.isEmpty()) {
            return "Unknown authors";
        }
        String shown = String.join(", ", names.subList(0, Math.min(AUTHORS_SHOWN, names.size())));
        return names.size() > AUTHORS_SHOWN ? shown + " et al." : shown;
    }

    static String excerpt(String text) {
        if (text.length() <= EXCERPT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT_CHARS);
        return text.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS).stripTrailing() + "…";
    }

    private Map<String, String> headers(DigestLetter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + letter.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Daily Papers digest <digest." + Optional.ofNullable(siteUrl.getHost()).orElse("localhost") + ">");
        headers.put("Auto-Submitted", "auto-generated");
        return headers;
    }
}
