/**
 * Thumbnails: page one of each featured paper's PDF, rendered small and kept in the database, as Hugging Face shows
 * on its cards. Start at {@link dailypapers.thumbnail.ThumbnailModule}: its {@link dailypapers.thumbnail.ThumbnailJob}
 * fetches PDFs politely from arXiv and renders them with {@link dailypapers.thumbnail.FirstPageRenderer}; the web
 * layer reads them through {@link dailypapers.thumbnail.ThumbnailService}.
 */
package dailypapers.thumbnail;
