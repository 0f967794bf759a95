package dailypapers.thumbnail;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs the tests make with PDFBox: a paper's first page in black on white or with a colour figure, and odd ones. */
public final class TestPdfs {

    private static final String WORDS = "we study how language models learn to reason over long contexts and find "
            + "that a simple curriculum of synthetic tasks improves accuracy on every benchmark we tried while "
            + "using less compute than the strongest baselines ";

    private TestPdfs() {
    }

    /** A two-page paper on US Letter: a title, authors, an abstract and body text; a blue figure when asked. */
    public static byte[] paper(String title, boolean withColourFigure) {
        try (PDDocument document = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.LETTER);
            document.addPage(first);
            document.addPage(new PDPage(PDRectangle.LETTER));
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            PDType1Font roman = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            try (PDPageContentStream page = new PDPageContentStream(document, first)) {
                text(page, bold, 20, 72, 700, title);
                text(page, roman, 12, 200, 670, "Ada Lovelace, Alan Turing, Grace Hopper");
                text(page, bold, 12, 280, 630, "Abstract");
                float y = 612;
                for (int line = 0; line < 12; line++, y -= 14) {
                    text(page, roman, 10, 100, y, line(line, 70));
                }
                if (withColourFigure) {
                    page.setNonStrokingColor(new Color(37, 99, 235));
                    page.addRect(100, 300, 410, 120);
                    page.fill();
                    page.setNonStrokingColor(Color.BLACK);
                }
                y = withColourFigure ? 280 : 430;
                for (int line = 0; line < 16; line++, y -= 13) {
                    text(page, roman, 10, 72, y, line(line + 3, 95));
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PDF whose one page is a narrow strip, not a paper's page. */
    public static byte[] strip() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(100, 2000)));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that start like a PDF and are not one. */
    public static byte[] broken() {
        return "%PDF-1.7\nthis is not a PDF at all\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void text(PDPageContentStream page, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    private static String line(int n, int length) {
        String text = WORDS.repeat(3);
        int start = n * 17 % WORDS.length();
        return text.substring(start, start + length);
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }
}
