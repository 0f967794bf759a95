package dailypapers.paper;

import java.time.LocalDate;

/**
 * One incoming record from an import file or a harvester: metadata plus what upstream knows of its community
 * data. Null fields mean "upstream did not say", never zero.
 */
public record PaperRecord(Paper paper, Integer upvotes, Integer numComments, LocalDate featuredOn, String submittedBy) {
}
