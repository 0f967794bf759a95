package dailypapers.thumbnail;

import dailypapers.thumbnail.ThumbnailException.Code;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders page one of a PDF with Apache PDFBox to a PNG {@link #WIDTH_PX} pixels wide. PDFs come from the internet,
 * so each is held to limits: the memory PDFBox may buffer, the shape of the page (and so the image's size), and the
 * time a rendering may take. A rendering runs on a thread of its own; one that outlasts its time is interrupted and
 * abandoned, and the next one gets a fresh thread.
 *
 * <p>PNG, measured against JPEG on first pages of real PDFs at 400 px: colour PNG 27–64 KB, JPEG (quality 0.8)
 * 19–40 KB, greyscale PNG 14–36 KB. Most first pages are black on white, so a page without colour is stored as
 * greyscale PNG (the smallest, and text stays sharp) and a page with colour as colour PNG.
 */
public final class FirstPageRenderer implements AutoCloseable {

    public static final String MEDIA_TYPE = "image/png";
    public static final int WIDTH_PX = 400;
    /** Three times the width: taller pages (a poster, a strip) are not a paper's page one. */
    static final int MAX_HEIGHT_PX = 3 * WIDTH_PX;
    /** What PDFBox may buffer while parsing, beyond the PDF itself. */
    private static final long MAX_BUFFER_BYTES = 64L * 1024 * 1024;

    private final Duration timeout;
    private ExecutorService worker = newWorker();
    /** The worker of the last rendering given up on; none starts until it ends, so two cannot pile up. */
    private ExecutorService abandoned;

    public FirstPageRenderer(Duration timeout) {
        this.timeout = timeout;
    }

    /** Renders page one of {@code pdf}, within the time limit; called by one thread at a time. */
    public ThumbnailImage render(byte[] pdf) throws ThumbnailException {
        if (abandoned != null && !abandoned.isTerminated()) {
            throw new ThumbnailException(Code.UNAVAILABLE, "a rendering that ran out of time is still running");
        }
        Future<ThumbnailImage> rendering = worker.submit(() -> renderNow(pdf));
        try {
            return rendering.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(rendering);
            throw new ThumbnailException(Code.RENDER_TIMEOUT, "rendering took longer than " + timeout.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            abandon(rendering);
            Thread.currentThread().interrupt();
            throw new ThumbnailException(Code.UNAVAILABLE, "interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ThumbnailException t) {
                throw t;
            }
            if (cause instanceof IOException) {
                throw new ThumbnailException(Code.UNREADABLE, "not a readable PDF: " + cause.getMessage(), cause);
            }
            throw new ThumbnailException(Code.RENDER_FAILED, "rendering failed: " + cause, cause);
        }
    }

    /**
     * PDFBox does not stop when interrupted; the stuck thread is left to finish alone and a new one takes over,
     * once it has.
     */
    private void abandon(Future<ThumbnailImage> rendering) {
        rendering.cancel(true);
        worker.shutdownNow();
        abandoned = worker;
        worker = newWorker();
    }

    private static ThumbnailImage renderNow(byte[] pdf) throws IOException, ThumbnailException {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MAX_BUFFER_BYTES).streamCache)) {
            if (document.getNumberOfPages() == 0) {
                throw new ThumbnailException(Code.NO_PAPER_PAGE, "the PDF has no pages");
            }
            PDPage page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float width = turned ? box.getHeight() : box.getWidth();
            float height = turned ? box.getWidth() : box.getHeight();
            if (!(width > 0 && height > 0) || height / width * WIDTH_PX > MAX_HEIGHT_PX) {
                throw new ThumbnailException(Code.NO_PAPER_PAGE, "page one is " + width + " x " + height
                        + " pt, not the shape of a paper's page");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            // Images are decoded at about the size they are drawn, not at the size they declare.
            renderer.setSubsamplingAllowed(true);
            BufferedImage image = renderer.renderImage(0, WIDTH_PX / width, ImageType.RGB);
            if (isGrey(image)) {
                image = grey(image);
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return ThumbnailImage.of(png.toByteArray(), MEDIA_TYPE, image.getWidth(), image.getHeight());
        }
    }

    private static boolean isGrey(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 0xff;
                if (red != (rgb >> 8 & 0xff) || red != (rgb & 0xff)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copies the samples as they are: drawing into a grey image would convert them to linear light and pale them. */
    private static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.setSample(x, y, 0, image.getRGB(x, y) & 0xff);
            }
        }
        return grey;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "thumbnail-render");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
