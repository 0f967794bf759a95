package dailypapers.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through password4j, the one place passwords are hashed and checked. A hash is stored in PHC form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so it carries the parameters it was made with: a hash made with
 * other parameters than today's still checks, and {@link #needsRehash} says to replace it at the next sign-in.
 *
 * <p>Password rules: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (code points), anything allowed;
 * the upper bound keeps one sign-in from costing more than hashing it should.
 */
public final class PasswordHasher {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    /**
     * OWASP's first Argon2id choice (19 MiB, 2 passes, 1 lane): 70 to 90 ms a hash on this project's 2-core test
     * machine (docs/architecture.md has the measurement), little enough for a sign-in, enough to make guessing slow.
     */
    public static final Parameters DEFAULT = new Parameters(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Checked against when no member has the email, so that a miss takes as long as a wrong password. */
    private final String dummyHash;
    private final Argon2Function function;

    /**
     * @param memoryKib   memory per hash, in KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKib, int iterations, int parallelism) {
    }

    public PasswordHasher(Parameters parameters) {
        this.function = Argon2Function.getInstance(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), HASH_BYTES, Argon2.ID);
        this.dummyHash = hash("not anyone's password");
    }

    /** Throws {@link AccountException} when the password breaks the length rules. */
    public static void checkRules(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new AccountException(AccountException.Code.PASSWORD_TOO_SHORT,
                    "a password has at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new AccountException(AccountException.Code.PASSWORD_TOO_LONG,
                    "a password has at most " + MAX_LENGTH + " characters");
        }
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** Whether the password matches the stored hash, under the parameters the hash names. */
    public boolean matches(String password, String storedHash) {
        return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    }

    /** Spends the time of one check, for a sign-in whose email matches no member. */
    public void matchNobody(String password) {
        matches(password, dummyHash);
    }

    /** True when the hash was made with other parameters than this hasher's. */
    public boolean needsRehash(String storedHash) {
        return !Argon2Function.getInstanceFromHash(storedHash).equals(function);
    }
}
