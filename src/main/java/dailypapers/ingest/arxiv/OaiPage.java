package dailypapers.ingest.arxiv;

import dailypapers.ingest.ParsedPage;
import java.time.Instant;
import java.util.Optional;

/**
 * One OAI-PMH response.
 *
 * @param token            the resumptionToken to ask for the next page; empty at the end of the list
 * @param completeListSize the size of the whole list when the repository says, else -1
 * @param error            an OAI-PMH error instead of records
 */
record OaiPage(Instant responseDate, ParsedPage records, Optional<String> token, long cursor,
        long completeListSize, Optional<OaiError> error) {

    /** An OAI-PMH protocol error: {@code noRecordsMatch}, {@code badResumptionToken}, {@code badArgument}, … */
    record OaiError(String code, String message) {
    }
}
