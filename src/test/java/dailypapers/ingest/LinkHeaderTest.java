package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    private static final URI BASE = URI.create("https://huggingface.co/api/daily_papers?date=2025-06-10");

    @Test
    void theNextLinkIsResolvedAgainstTheRequest() {
        assertThat(LinkHeader.next(BASE, Optional.of("</api/daily_papers?date=2025-06-10&p=1>; rel=\"next\"")))
                .contains(URI.create("https://huggingface.co/api/daily_papers?date=2025-06-10&p=1"));
        assertThat(LinkHeader.next(BASE, Optional.of("<https://a.example/x?p=0>; rel=\"prev\", "
                + "<https://a.example/x?p=2>; rel=next"))).contains(URI.create("https://a.example/x?p=2"));
    }

    @Test
    void noNextLinkMeansTheLastPage() {
        assertThat(LinkHeader.next(BASE, Optional.empty())).isEmpty();
        assertThat(LinkHeader.next(BASE, Optional.of("<https://a.example/x?p=0>; rel=\"prev\""))).isEmpty();
        assertThat(LinkHeader.next(BASE, Optional.of("garbage"))).isEmpty();
    }
}
