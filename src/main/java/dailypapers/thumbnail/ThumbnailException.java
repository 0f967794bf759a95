package dailypapers.thumbnail;

/** A paper's thumbnail could not be made, with a code that logs and the store record by kind. */
public final class ThumbnailException extends Exception {

    /** What went wrong, by kind. */
    public enum Code {
        /** The PDF could not be fetched: network, timeout or server errors after every retry. */
        DOWNLOAD_FAILED,
        /** arXiv refused the request (4xx): a withdrawn paper, say. */
        REFUSED,
        /** The PDF is larger than {@code thumbnail.pdf.max.mb}. */
        TOO_LARGE,
        /** Not a PDF that PDFBox can read: broken, truncated, encrypted. */
        UNREADABLE,
        /** The PDF has no page, or a first page far from the shape of a paper's page. */
        NO_PAPER_PAGE,
        /** Rendering took longer than {@code thumbnail.render.timeout.seconds}. */
        RENDER_TIMEOUT,
        /** PDFBox failed while rendering. */
        RENDER_FAILED,
        /**
         * arXiv cannot be asked now (its circuit is open) or the run was interrupted: nothing is wrong with this
         * paper, so nothing is recorded against it and the run ends.
         */
        UNAVAILABLE
    }

    private final Code code;

    public ThumbnailException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public ThumbnailException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
