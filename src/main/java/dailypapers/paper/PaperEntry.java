package dailypapers.paper;

import java.util.Optional;

/** A paper with its community data, as listings and paper pages show it. */
public record PaperEntry(Paper paper, int upvotes, int numComments, Optional<Featuring> featuring) {
}
