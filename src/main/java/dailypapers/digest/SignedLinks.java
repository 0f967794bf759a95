package dailypapers.digest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in digest links, which work without a password: {@code <id>.<expiry>.<mac>}, where the mac is
 * HMAC-SHA256 over the purpose, the subscription id, the expiry (epoch seconds) and the subscription's address,
 * under a key the instance makes once and keeps in the database (every node signs alike). Nothing is stored per
 * link, so a mail to 100,000 subscribers writes no row per link; a link stops working when it expires or when
 * the address it was sent to changes.
 */
public final class SignedLinks {

    /** The name of the key in instance_secret. */
    static final String KEY_NAME = "digest-links";
    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    public enum Purpose {
        /** Confirms the address (double opt-in). */
        CONFIRM,
        /** Opens the preferences page, from every digest. */
        PREFERENCES,
        /** Unsubscribes, from the List-Unsubscribe header and the footer (RFC 8058 one-click). */
        UNSUBSCRIBE
    }

    /** What a token turned out to be. An expired token still names its subscription, to offer a fresh link. */
    public sealed interface Result {
        record Valid(Subscription subscription) implements Result {
        }

        record Expired(Subscription subscription) implements Result {
        }

        /** Not a token of ours, altered, for another purpose, or for a subscription that is gone. */
        record Invalid() implements Result {
        }
    }

    private final SecretKeySpec key;

    public SignedLinks(SecretStore secrets, Instant at) {
        String secret = secrets.getOrCreate(KEY_NAME, SignedLinks::freshKey, at);
        this.key = new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256");
    }

    public String sign(Purpose purpose, Subscription subscription, Instant expires) {
        long expiry = expires.getEpochSecond();
        return subscription.id() + "." + expiry + "." + mac(purpose, subscription.id(), expiry, subscription.email());
    }

    public Result verify(Purpose purpose, String token, Instant now, LongFunction<Optional<Subscription>> find) {
        Matcher matcher = TOKEN.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            return new Result.Invalid();
        }
        long id = Long.parseLong(matcher.group(1));
        long expiry = Long.parseLong(matcher.group(2));
        Optional<Subscription> subscription = find.apply(id);
        if (subscription.isEmpty()) {
            return new Result.Invalid();
        }
        byte[] expected = mac(purpose, id, expiry, subscription.get().email()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Result.Invalid();
        }
        return now.getEpochSecond() < expiry ? new Result.Valid(subscription.get())
                : new Result.Expired(subscription.get());
    }

    private String mac(Purpose purpose, long id, long expiry, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signed = mac.doFinal((purpose.name() + "\n" + id + "\n" + expiry + "\n" + email)
                    .getBytes(StandardCharsets.UTF_8));
            return BASE64.encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    private static String freshKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }
}
