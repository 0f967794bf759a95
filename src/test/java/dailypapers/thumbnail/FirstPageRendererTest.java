package dailypapers.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.thumbnail.ThumbnailException.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FirstPageRendererTest {

    private final FirstPageRenderer renderer = new FirstPageRenderer(Duration.ofSeconds(20));

    @AfterEach
    void close() {
        renderer.close();
    }

    @Test
    void pageOneBecomesAPng400PixelsWideWithTheShapeOfThePage() throws Exception {
        ThumbnailImage image = renderer.render(TestPdfs.paper("A paper", false));

        BufferedImage png = decode(image);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(png.getWidth()).isEqualTo(400).isEqualTo(image.thumbnail().width());
        // US Letter is 8.5 x 11 in.
        assertThat(png.getHeight()).isEqualTo(517).isEqualTo(image.thumbnail().height());
        assertThat(image.thumbnail().version()).hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void aBlackOnWhitePageIsStoredInGreyAndAColourPageInColour() throws Exception {
        ThumbnailImage plain = renderer.render(TestPdfs.paper("A paper", false));
        ThumbnailImage coloured = renderer.render(TestPdfs.paper("A paper", true));

        assertThat(decode(plain).getColorModel().getNumComponents()).isEqualTo(1);
        assertThat(decode(coloured).getColorModel().getNumComponents()).isEqualTo(3);
        assertThat(darkPixels(decode(plain))).as("the text shows").isGreaterThan(1_000);
    }

    @Test
    void theSamePdfRendersToTheSameVersionAndAnotherToAnother() throws Exception {
        String first = renderer.render(TestPdfs.paper("A paper", false)).thumbnail().version();
        String again = renderer.render(TestPdfs.paper("A paper", false)).thumbnail().version();
        String other = renderer.render(TestPdfs.paper("Another paper", false)).thumbnail().version();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void brokenPdfsAndOddPagesAreRefusedWithTheirKind() {
        assertThatThrownBy(() -> renderer.render(TestPdfs.broken()))
                .isInstanceOfSatisfying(ThumbnailException.class, e -> assertThat(e.code()).isEqualTo(Code.UNREADABLE));
        assertThatThrownBy(() -> renderer.render(new byte[0]))
                .isInstanceOfSatisfying(ThumbnailException.class, e -> assertThat(e.code()).isEqualTo(Code.UNREADABLE));
        assertThatThrownBy(() -> renderer.render(TestPdfs.strip()))
                .isInstanceOfSatisfying(ThumbnailException.class,
                        e -> assertThat(e.code()).isEqualTo(Code.NO_PAPER_PAGE));
    }

    @Test
    void aRenderingThatTakesTooLongIsAbandoned() {
        try (FirstPageRenderer hasty = new FirstPageRenderer(Duration.ofNanos(1))) {
            assertThatThrownBy(() -> hasty.render(TestPdfs.paper("A paper", true)))
                    .isInstanceOfSatisfying(ThumbnailException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.RENDER_TIMEOUT));
        }
    }

    @Test
    void noRenderingStartsBesideOneThatRanOutOfTimeAndStillRuns() throws InterruptedException {
        // Rendering a page takes tens of milliseconds here: past 5 ms the first is running and is given up on.
        try (FirstPageRenderer hasty = new FirstPageRenderer(Duration.ofMillis(5))) {
            assertThatThrownBy(() -> hasty.render(TestPdfs.paper("A paper", true)))
                    .isInstanceOfSatisfying(ThumbnailException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.RENDER_TIMEOUT));
            assertThatThrownBy(() -> hasty.render(TestPdfs.paper("Another paper", true)))
                    .isInstanceOfSatisfying(ThumbnailException.class,
                            e -> assertThat(e.code()).isEqualTo(Code.UNAVAILABLE));
        }
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += image.getRaster().getSample(x, y, 0) < 128 ? 1 : 0;
            }
        }
        return dark;
    }

    private static BufferedImage decode(ThumbnailImage image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(image.bytes()));
    }
}
