package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A row stored before import cleaned text (written here straight into the store, as an older version did) still
 * reaches no page or feed with a raw NUL, BEL or bidirectional override: the output cleans what it prints.
 */
class StoredTextPagesIT {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 21);
    private static final ArxivId ID = ArxivId.parse("2608.30001");
    private static final String DIRTY = "\u0000\u0007\u202E\u2066\uFDD0\u009B";
    private static final String AUTHOR = "Eve" + DIRTY + " Bell";

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.app().feed().papers().upsert(List.of(PaperFixtures.paper().id(ID.value())
                .title("Stored" + DIRTY + " before cleaning \u202Egnp.exe")
                .abstractText("An abstract\u0007 with a bell" + DIRTY).authors(AUTHOR).categories("cs.CL")
                .comment("10 pages" + DIRTY).published(DAY.minusDays(1)).featuredOn(DAY).upvotes(3).build()));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/papers/2608.30001", "/papers/date/2026-08-21", "/categories/cs.CL",
            "/new/2026-08-20", "/feeds/daily.atom", "/feeds/categories/cs.CL"})
    void noPageOrFeedCarriesTheRawCharacters(String path) {
        byte[] body = bytes(path);
        String text = new String(body, StandardCharsets.UTF_8);

        assertThat(text).contains("Stored before cleaning gnp.exe");
        assertThat(body).doesNotContain(0x00).doesNotContain(0x07);
        assertThat(text).doesNotContain("\u202E", "\u2066", "\uFDD0", "\u009B");
    }

    private static byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(app.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
