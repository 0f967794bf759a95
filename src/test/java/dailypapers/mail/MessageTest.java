package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
