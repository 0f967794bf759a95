package dailypapers.backup;

import dailypapers.UserFacingException;

/** A backup, restore or move refused or failed; the message says why and what to do. */
public final class BackupException extends UserFacingException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
