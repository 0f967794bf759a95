package dailypapers.library;

import dailypapers.paper.PaperStore;
import java.time.Clock;

/** Members' libraries: wires the library service from its store and the papers; no jobs. */
public final class LibraryModule {

    private final LibraryService service;

    public LibraryModule(LibraryStore store, PaperStore papers, Clock clock) {
        this.service = new LibraryService(store, papers, clock);
    }

    public LibraryService service() {
        return service;
    }
}
