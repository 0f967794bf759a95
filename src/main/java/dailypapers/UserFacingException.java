package dailypapers;

/**
 * A failure an operator causes and can fix (a bad setting, an unreachable database, a busy port, a wrong argument):
 * its message says what is wrong in words they can act on, so the CLI prints it as one line without a trace.
 * Anything else that escapes a command is a defect, and the CLI logs its trace.
 */
public class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
