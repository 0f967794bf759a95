package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void aPlainMessageKeepsItsNormalisedAddress() {
        Message message = Message.plain("  ada@example.org ", " Sign in ", "body");
        assertThat(message.to()).isEqualTo("ada@example.org");
        assertThat(message.subject()).isEqualTo("Sign in");
        assertThat(message.html()).isEmpty();
    }

    @Test
    void aDisplayNameIsDroppedFromTheRecipient() {
        assertThat(Message.plain("Ada <ada@example.org>", "s", "b").to()).isEqualTo("ada@example.org");
    }

    @Test
    void lineBreaksInTheRecipientOrSubjectAreRefused() {
        assertThatThrownBy(() -> Message.plain("ada@example.org\r\nBcc: eve@example.org", "s", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to must not contain");
        assertThatThrownBy(() -> Message.plain("ada@example.org", "hi\nBcc: eve@example.org", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject must not contain");
        assertThatThrownBy(() -> Message.plain("ada@example.org", "hi\u0000", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactlyOneValidAddressIsAccepted() {
        assertThatThrownBy(() -> Message.plain("ada@example.org, eve@example.org", "s", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> Message.plain("not an address", "s", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid email address");
        assertThatThrownBy(() -> Message.plain("ada@", "s", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.plain("undisclosed:;", "s", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.plain(" ", "s", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongSubjectIsRefused() {
        assertThatThrownBy(() -> Message.plain("ada@example.org", "x".repeat(Message.MAX_SUBJECT_CHARS + 1), "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        assertThat(new Message("ada@example.org", "s", "b", Optional.of("<p>b</p>")).html()).contains("<p>b</p>");
    }

    @Test
    void extraHeadersKeepTheirOrderAndTheirUsualSpelling() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("list-unsubscribe-post", "List-Unsubscribe=One-Click");
        headers.put("List-Unsubscribe", " <https://papers.example.org/u?t=1> ");
        Message message = Message.plain("ada@example.org", "s", "b").withHeaders(headers);
        headers.put("Precedence", "bulk");

        assertThat(message.headers()).containsExactly(Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                Map.entry("List-Unsubscribe", "<https://papers.example.org/u?t=1>"));
        assertThatThrownBy(() -> message.headers().put("Precedence", "bulk"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Message.plain("ada@example.org", "s", "b").headers()).isEmpty();
        assertThat(new Message("ada@example.org", "s", "b", Optional.empty()).headers()).isEmpty();
    }

    @Test
    void onlyListHeadersAreAllowedAndTheirValuesCarryNoLineBreak() {
        Message message = Message.plain("ada@example.org", "s", "b");
        assertThatThrownBy(() -> message.withHeaders(Map.of("Bcc", "eve@example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of");
        assertThatThrownBy(() -> message.withHeaders(Map.of("List-Id", "a\r\nBcc: eve@example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("List-Id must not contain");
        assertThatThrownBy(() -> message.withHeaders(Map.of("Precedence", "bulk\u0000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.withHeaders(Map.of("List-Id", "Grüße <digest.example.org>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> message.withHeaders(Map.of("List-Id", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.withHeaders(Map.of("List-Id", "x".repeat(Message.MAX_HEADER_CHARS + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("Precedence", "bulk");
        twice.put("PRECEDENCE", "list");
        assertThatThrownBy(() -> message.withHeaders(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }
}
