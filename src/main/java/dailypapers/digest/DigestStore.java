package dailypapers.digest;

import dailypapers.paper.ArxivId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The digest and digest_item tables. The database keeps two promises: one digest per subscription and window end,
 * and no paper twice across one subscriber's digests.
 */
public interface DigestStore {

    /** Stores a digest and its items; false (nothing stored) when the subscription has one ending at that time. */
    boolean insert(Digest digest);

    Optional<Digest> find(String id);

    /** Which of these papers an earlier digest of the subscription carried. */
    Set<ArxivId> alreadySent(long subscriptionId, Collection<ArxivId> papers);

    /** How many digests and digest items are stored, for the operator. */
    Counts counts();

    record Counts(long digests, long papers) {
    }
}
