package dailypapers.token;

import java.util.Arrays;
import java.util.Locale;

/** What a token may do: read the member's data, or also change it (vote). Write includes read. */
public enum TokenScope {
    READ, WRITE;

    /** The name stored and typed: {@code read}, {@code write}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows(TokenScope needed) {
        return this == WRITE || needed == READ;
    }

    public static TokenScope of(String key) {
        return Arrays.stream(values()).filter(scope -> scope.key().equals(key)).findFirst()
                .orElseThrow(() -> new TokenException(TokenException.Code.SCOPE_INVALID,
                        "a scope is read or write"));
    }
}
