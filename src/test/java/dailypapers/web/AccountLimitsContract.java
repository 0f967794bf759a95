package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.account.Role;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rate limits on the account forms, with small limits and clients told apart by {@code X-Forwarded-For} from a
 * trusted proxy (loopback); and mail without SMTP, written as {@code .eml} files that the page points to. One
 * database kind per subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountLimitsContract {

    private static final String PASSWORD = AccountPagesContract.PASSWORD;

    private final TestDatabase kind;
    private DatabaseConfig database;
    private Path dir;
    private TestApp app;

    protected AccountLimitsContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        database = kind.open();
        dir = Files.createTempDirectory("dailypapers-limits");
        Map<String, String> flags = new HashMap<>(Map.of("data.dir", dir.toString(), "database.url", database.url(),
                "http.host", "127.0.0.1", "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false",
                "http.trusted.proxies", "127.0.0.1", "http.base.url", "https://papers.example.org"));
        flags.putAll(Map.of("account.limit.signin.ip", "3", "account.limit.signin.email", "2",
                "account.limit.signup.ip", "2", "account.limit.mail.ip", "3", "account.limit.mail.email", "2"));
        if (database.user() != null) {
            flags.put("database.user", database.user());
            flags.put("database.password", database.password() == null ? "" : database.password());
        }
        app = TestApp.start(Config.load(null, Map.of(), flags));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            kind.drop(database);
        }
    }

    @Test
    void passwordSignInsAreLimitedPerEmailFromAnyAddressWithTheFormKept() {
        String email = member("guessed");
        signIn("198.51.100.1", email, "wrong guess one");
        signIn("198.51.100.2", email, "wrong guess two");

        HttpResponse<String> limited = signIn("198.51.100.3", email, PASSWORD);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts; try again in", "value=\"" + email + "\"");
        assertThat(signIn("198.51.100.3", member("other"), PASSWORD).statusCode()).as("another email")
                .isEqualTo(303);
    }

    @Test
    void passwordSignInsAreLimitedPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("203.0.113.7", "nobody" + i + "@example.org", PASSWORD).statusCode()).isEqualTo(401);
        }
        assertThat(signIn("203.0.113.7", "nobody9@example.org", PASSWORD).statusCode()).isEqualTo(429);
        assertThat(signIn("203.0.113.8", "nobody9@example.org", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void signUpsAreLimitedPerClientAddress() {
        assertThat(signUp("192.0.2.10", "first@example.org", "first").statusCode()).isEqualTo(303);
        assertThat(signUp("192.0.2.10", "second@example.org", "second").statusCode()).isEqualTo(303);

        HttpResponse<String> limited = signUp("192.0.2.10", "third@example.org", "third");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("value=\"third@example.org\"", "value=\"third\"");
        assertThat(app.app().accounts().service().member("third@example.org")).isEmpty();
    }

    @Test
    void mailedLinkRequestsAreLimitedPerEmailAndPerClientAddressAndTheLimitsHoldNoAddress() throws SQLException {
        String email = member("bombed");
        assertThat(reset("198.51.100.20", email).statusCode()).isEqualTo(303);
        assertThat(reset("198.51.100.21", email.toUpperCase()).statusCode()).isEqualTo(303);
        assertThat(reset("198.51.100.22", email).statusCode()).as("per email").isEqualTo(429);

        for (int i = 0; i < 3; i++) {
            assertThat(reset("198.51.100.30", "someone" + i + "@example.org").statusCode()).isEqualTo(303);
        }
        assertThat(reset("198.51.100.30", "someone9@example.org").statusCode()).as("per address").isEqualTo(429);

        assertThat(buckets()).isNotEmpty().noneMatch(bucket -> bucket.contains("@"));
    }

    @Test
    void withoutSmtpTheMailIsAnEmlFileAndThePageSaysWhereWithoutTheToken() throws IOException {
        TestBrowser browser = new TestBrowser(app.baseUrl(), "192.0.2.99");
        HttpResponse<String> sent = browser.submit("/sign-up", "/sign-up", Map.of("email", "eml@example.org",
                "handle", "eml-user", "displayName", "Eml", "password", PASSWORD));

        HttpResponse<String> page = browser.get(sent.headers().firstValue("Location").orElseThrow());

        Path outbox = dir.resolve("outbox");
        assertThat(page.body()).contains("written as an <code>.eml</code> file to <code>" + outbox + "</code>")
                .doesNotContain("token=");
        app.app().mail().deliverNow();
        List<String> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                mails.add(Files.readString(file));
            }
        }
        assertThat(mails).anySatisfy(mail -> assertThat(mail).contains("To: eml@example.org")
                .containsPattern("https://papers.example.org/verify\\?token=[A-Za-z0-9_-]{43}"));
    }

    private String member(String name) {
        String email = name + "@example.org";
        app.app().accounts().service().create(email, name, name, PASSWORD, Role.MEMBER);
        return email;
    }

    private HttpResponse<String> signIn(String clientIp, String email, String password) {
        return new TestBrowser(app.baseUrl(), clientIp).submit("/sign-in", "/sign-in", Map.of("email", email,
                "password", password));
    }

    private HttpResponse<String> signUp(String clientIp, String email, String handle) {
        return new TestBrowser(app.baseUrl(), clientIp).submit("/sign-up", "/sign-up", Map.of("email", email,
                "handle", handle, "displayName", handle, "password", PASSWORD));
    }

    private HttpResponse<String> reset(String clientIp, String email) {
        return new TestBrowser(app.baseUrl(), clientIp).submit("/reset", "/reset", Map.of("email", email));
    }

    private List<String> buckets() throws SQLException {
        List<String> buckets = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT bucket FROM rate_limit")) {
            while (rows.next()) {
                buckets.add(rows.getString(1));
            }
        }
        return buckets;
    }
}
