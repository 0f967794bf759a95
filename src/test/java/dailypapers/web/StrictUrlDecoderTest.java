package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictUrlDecoderTest {

    @Test
    void decodesEscapesAsUtf8AndPlusAsSpaceOnlyInQueries() throws Exception {
        assertThat(StrictUrlDecoder.decodeQuery("a+b%20%E6%97%A5%2B")).isEqualTo("a b 日+");
        assertThat(StrictUrlDecoder.decodePath("a+b%2Fc")).isEqualTo("a+b/c");
    }

    @Test
    void refusesBrokenEscapesBytesThatAreNotUtf8AndControlCharacters() {
        for (String raw : new String[] {"%zz", "%", "%4", "a%g0", "%FF%FE", "%C3%28", "%C0%AF", "a%00b", "%7F"}) {
            assertThatThrownBy(() -> StrictUrlDecoder.decodePath(raw)).as(raw)
                    .isInstanceOf(StrictUrlDecoder.MalformedException.class);
        }
    }

    @Test
    void aQueryValueMayHoldTabsAndLineBreaksButNoOtherControlCharacter() throws Exception {
        assertThat(StrictUrlDecoder.decodeQuery("a%09b%0D%0Ac")).isEqualTo("a\tb\r\nc");
        assertThatThrownBy(() -> StrictUrlDecoder.decodeQuery("a%00b"))
                .isInstanceOf(StrictUrlDecoder.MalformedException.class);
        assertThatThrownBy(() -> StrictUrlDecoder.decodePath("a%0Ab"))
                .isInstanceOf(StrictUrlDecoder.MalformedException.class);
    }

    @Test
    void findsTheProblemInThePathOfATargetOnly() {
        assertThat(StrictUrlDecoder.pathProblem("/api/papers/2401.01234?q=%zz")).isEmpty();
        assertThat(StrictUrlDecoder.pathProblem("/api/papers/%zz?q=1")).isPresent();
        assertThat(StrictUrlDecoder.pathProblem("/authors/J%C3%BCrgen")).isEmpty();
    }

    @Test
    void theLiteralTargetKeepsEveryPercentSignOfThePath() {
        assertThat(MalformedTargets.literal("/api/papers/%zz?q=%41")).isEqualTo("/api/papers/%25zz?q=%41");
    }
}
