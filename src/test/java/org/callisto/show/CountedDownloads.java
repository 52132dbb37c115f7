package org.callisto.show;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callisto.show.media.DownloadCounter;

/** Downloads that reached the minute, made up for tests that need stored counts: one listener each. */
public final class CountedDownloads {
    private static int next;

    private CountedDownloads() {}

    /** {@code n} downloads of {@code file} at {@code at}, each by a listener of its own, from {@code app}. */
    public static synchronized List<DownloadCounter.Counted> of(String file, Instant at, int n, String app) {
        List<DownloadCounter.Counted> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new DownloadCounter.Counted(file, at, "test-listener-" + next++, null, app));
        }
        return list;
    }
}
