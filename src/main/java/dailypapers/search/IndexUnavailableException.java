package dailypapers.search;

import dailypapers.UserFacingException;

/**
 * The index cannot be used now: a local index another process (a running server) holds, or a shared engine that
 * cannot be reached. The database is untouched: the index catches up with whatever was written meanwhile. The web
 * answers it with a 503.
 */
public final class IndexUnavailableException extends UserFacingException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
