package dailypapers.vote;

import dailypapers.UserFacingException;

/** A vote the rules refuse; its {@link Code} says why, so the web answers 403 or 404 and logs count it by kind. */
public final class VoteException extends UserFacingException {

    public enum Code {
        /** The member is banned, suspended (or gone): they read, but do not vote. */
        VOTER_NOT_ALLOWED,
        NO_SUCH_PAPER
    }

    private final Code code;

    public VoteException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
