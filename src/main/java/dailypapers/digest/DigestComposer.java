package dailypapers.digest;

import dailypapers.paper.ArxivId;
import dailypapers.search.SearchService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Composes one subscriber's digest for a window: a trending section, then one section per topic in the order the
 * subscriber added them. Each section holds at most {@link DigestSettings#sectionSize()} papers; a paper appears
 * once per digest (the first section that has it keeps it) and never in two digests of one subscriber. The days a
 * window covers are the UTC days from its start's day up to, not including, its end's day, so consecutive windows
 * cover each day once. docs/digests.md states these rules for subscribers.
 */
public final class DigestComposer {

    /**
     * arXiv announces a submission up to three days after the date it carries (one sent on a Friday afternoon
     * appears on Monday evening), so it is stored after the window of its day has closed: topics also take papers
     * of the three days before the window that no digest has shown this subscriber.
     */
    static final int LATE_DAYS = 3;
    /** The most a window after a pause reaches back: two weekly digests' worth. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    private final DigestSettings settings;
    private final Candidates candidates;
    private final DigestStore digests;

    public DigestComposer(DigestSettings settings, Candidates candidates, DigestStore digests) {
        this.settings = settings;
        this.candidates = candidates;
        this.digests = digests;
    }

    /**
     * Where the digest ending at {@code until} starts: where the last one ended, so that consecutive digests cover
     * every day once whatever the cadence, the zone or a change of either; a first digest covers
     * {@link DigestSettings#lookbackDays()}, and one after a long pause (a server down, a subscriber back)
     * {@link #LONGEST_WINDOW} at most.
     */
    public Instant windowStart(Subscription subscription, Instant until) {
        return subscription.lastDigestAt().map(last -> last.isAfter(until.minus(LONGEST_WINDOW)) ? last
                : until.minus(LONGEST_WINDOW)).orElse(until.minus(Duration.ofDays(settings.lookbackDays())));
    }

    /** The digest for [from, until); empty of items when nothing is new. Nothing is stored. */
    public Digest compose(Subscription subscription, Instant from, Instant until, Instant at) {
        LocalDate firstDay = day(from);
        LocalDate endDay = day(until);
        List<Digest.Item> items = new ArrayList<>();
        if (firstDay.isBefore(endDay)) {
            Set<ArxivId> taken = new HashSet<>();
            add(items, Digest.TRENDING, fill(candidates.trending(firstDay, endDay), taken, subscription));
            List<Topic> topics = subscription.topics();
            for (int i = 0; i < topics.size(); i++) {
                add(items, i + 1, fill(candidates.topic(topics.get(i), subscription.memberId(),
                        firstDay.minusDays(LATE_DAYS), endDay),
                        taken, subscription));
            }
        }
        return new Digest(UUID.randomUUID().toString(), subscription.id(), from, until, at, items);
    }

    private static void add(List<Digest.Item> items, int section, List<ArxivId> papers) {
        for (int i = 0; i < papers.size(); i++) {
            items.add(new Digest.Item(papers.get(i), section, i));
        }
    }

    /**
     * The best {@code sectionSize} candidates neither taken by an earlier section nor sent before, asking the
     * source deeper (doubling) while it has more and the section is short; the chosen ones are added to
     * {@code taken}.
     */
    private List<ArxivId> fill(IntFunction<List<ArxivId>> source, Set<ArxivId> taken, Subscription subscription) {
        int size = settings.sectionSize();
        int depth = Math.min(SearchService.MAX_DEPTH, size + taken.size());
        while (true) {
            List<ArxivId> ranked = source.apply(depth);
            List<ArxivId> fresh = ranked.stream().filter(id -> !taken.contains(id)).distinct().toList();
            Set<ArxivId> sent = digests.alreadySent(subscription.id(), fresh);
            List<ArxivId> chosen = fresh.stream().filter(id -> !sent.contains(id)).limit(size).toList();
            if (chosen.size() == size || ranked.size() < depth || depth >= SearchService.MAX_DEPTH) {
                taken.addAll(chosen);
                return chosen;
            }
            depth = Math.min(SearchService.MAX_DEPTH, depth * 2);
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
