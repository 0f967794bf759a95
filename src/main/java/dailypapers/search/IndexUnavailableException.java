package dailypapers.search;

import dailypapers.UserFacingException;

/**
 * The index cannot be opened for writing, most often because another process (a running server) holds it. The
 * database is untouched: the holder catches up with whatever this process writes.
 */
public final class IndexUnavailableException extends UserFacingException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
